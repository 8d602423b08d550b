'use client';

import {
  createChatStore,
  createHttpTransport,
  type ChatOptions,
  type ChatStore,
  type ModelInfo,
} from '@helicone-kit/core';
import { useEffect, useLayoutEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { createLatest, type Latest } from './create-latest';
import { createRenderGate, type RenderGate } from './create-render-gate';
import { findModelPrice } from './find-model-price';
import { useHeliconeContext } from './helicone-context';
import { modelsQueryKey, modelsQueryOptions } from './models-query-options';
import type { Throttle } from './schedule-flush';
import { serverSnapshot } from './server-snapshot';
import { hasFiles, toSendInput } from './to-send-input';
import type {
  ChatSendInput,
  UseHeliconeChatOptions,
  UseHeliconeChatResult,
  UseHeliconeChatSession,
} from './use-helicone-chat-types';

type Props = { chat: ChatOptions; throttle: Throttle };
type Instance = { store: ChatStore; gate: RenderGate; send: (input?: ChatSendInput) => Promise<void> };

/** Made during render, so it claims nothing: the store holds its session from `retain()` in the committed effect. */
function createInstance(latest: Latest<Props>): Instance {
  const store = createChatStore(() => latest.get().chat);
  return {
    store,
    gate: createRenderGate(store, () => latest.get().throttle),
    // Files are read (and downscaled) first; anything else goes straight to the store.
    send: (input) =>
      hasFiles(input) ? toSendInput(input).then(store.getState().send) : store.getState().send(input),
  };
}

/**
 * A chat with the route: messages, status and error as separate subscriptions (a status change does not hand
 * out new messages), a streaming answer committed at most once per frame, and callbacks that always see the
 * latest props. Chats with the same `session.id` under one provider share one conversation.
 */
export function useHeliconeChat(options: UseHeliconeChatOptions = {}): UseHeliconeChatResult {
  const context = useHeliconeContext();
  const { queryClient } = context;
  const api = options.api ?? context.api;
  const httpTransport = useMemo(
    () => createHttpTransport({ ...context.transport, api }),
    [context.transport, api],
  );
  const chat: ChatOptions = {
    ...options,
    transport: options.transport ?? httpTransport,
    registry: context.registry,
    price:
      options.price ??
      ((answer) => findModelPrice(queryClient.getQueryData<ModelInfo[]>(modelsQueryKey(api)), answer)),
  };
  const props: Props = { chat, throttle: options.throttle ?? 'frame' };
  const [latest] = useState(() => createLatest(props));
  useLayoutEffect(() => latest.set(props));

  const [{ store, gate, send }] = useState(() => createInstance(latest));
  // Held while mounted; unmounting lets go at once (the registry stops a request no other chat shows).
  useLayoutEffect(() => store.retain(), [store]);

  const sessionId = options.session?.id;
  useEffect(() => {
    if (sessionId !== undefined) store.getState().switchSession(sessionId);
  }, [store, sessionId]);

  const modelOption = options.model;
  useEffect(() => {
    if (modelOption !== undefined && modelOption !== store.getState().model)
      store.getState().setModel(modelOption);
  }, [store, modelOption]);

  const needsPrices = options.price === undefined && options.transport === undefined;
  useEffect(() => {
    if (!needsPrices) return;
    void queryClient.prefetchQuery(modelsQueryOptions(api, context.transport));
  }, [needsPrices, queryClient, api, context.transport]);

  // One subscription to the gated state: a streaming answer re-renders at most once per frame.
  const { messages, status, error, retryAt, branches, totals } = useSyncExternalStore(
    gate.subscribe,
    gate.getSnapshot,
    () => serverSnapshot,
  );
  // The composer's text goes straight through: a held-back value would move the caret of a controlled input.
  const draft = useSyncExternalStore(
    store.subscribe,
    () => store.getState().draft,
    () => '',
  );
  const readModel = () => store.getState().model;
  const model = useSyncExternalStore(store.subscribe, readModel, readModel);
  const readSession = () => store.getState().session;
  const sessionInfo = useSyncExternalStore(store.subscribe, readSession, readSession);

  // The store's actions are its own stable functions.
  const {
    newSession,
    switchSession,
    stop,
    regenerate,
    edit,
    retry,
    addToolResult,
    selectBranch,
    setDraft,
    setModel,
  } = store.getState();
  const session = useMemo<UseHeliconeChatSession>(
    () => ({ ...sessionInfo, newSession, switchSession }),
    [sessionInfo, newSession, switchSession],
  );

  return {
    messages,
    status,
    error,
    retryAt,
    draft,
    branches,
    model,
    session,
    totals,
    store,
    send,
    stop,
    regenerate,
    edit,
    retry,
    addToolResult,
    selectBranch,
    setDraft,
    setModel,
  };
}

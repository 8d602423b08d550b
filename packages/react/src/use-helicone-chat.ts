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
import { sendWithFiles } from './send-with-files';
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
    send: (input) => sendWithFiles(store.getState().send, input),
  };
}

/** The state of the session `id` (read, not held) while the store still shows another one. */
function peekSession(store: ChatStore, id: string, chat: () => ChatOptions) {
  if (id === store.getState().session.id) return undefined;
  const name = chat().session?.name;
  const init = { ...(name === undefined ? {} : { name }), warnings: () => chat().onWarning };
  return store.registry.peek(id, init).store.getState();
}

/**
 * A chat with the route: a streaming answer committed at most once per frame (messages, status and error from
 * one gated snapshot; a status change does not hand out new messages), and callbacks that always see the
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

  // A new `session.id` is switched to before the browser paints; the render that comes with the new prop already
  // shows that session (read, not held), so no commit shows the old conversation under the new id. `applied`
  // keeps the last prop switched to: `newSession`/`switchSession` may show another session under the same prop.
  const sessionId = options.session?.id;
  const [applied] = useState(() => createLatest(sessionId));
  useLayoutEffect(() => {
    if (sessionId === undefined || sessionId === applied.get()) return;
    applied.set(sessionId);
    store.getState().switchSession(sessionId);
  }, [store, applied, sessionId]);
  const incoming =
    sessionId !== undefined && sessionId !== applied.get()
      ? peekSession(store, sessionId, () => latest.get().chat)
      : undefined;

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
  const gated = useSyncExternalStore(gate.subscribe, gate.getSnapshot, () => serverSnapshot);
  // The composer's text goes straight through: a held-back value would move the caret of a controlled input.
  const storeDraft = useSyncExternalStore(
    store.subscribe,
    () => store.getState().draft,
    () => '',
  );
  const readModel = () => store.getState().model;
  const model = useSyncExternalStore(store.subscribe, readModel, readModel);
  const readSession = () => store.getState().session;
  const storeSession = useSyncExternalStore(store.subscribe, readSession, readSession);
  const { messages, status, error, retryAt, branches, totals } = incoming ?? gated;
  const draft = incoming ? incoming.draft : storeDraft;
  const sessionInfo = incoming ? incoming : storeSession;

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
    () => ({
      id: sessionInfo.id,
      name: sessionInfo.name,
      path: sessionInfo.path,
      newSession,
      switchSession,
    }),
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

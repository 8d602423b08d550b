'use client';

import { createChatStore, createHttpTransport, type ChatOptions, type ModelInfo } from '@helicone-kit/core';
import { useEffect, useLayoutEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { createLatest } from './create-latest';
import { createRenderGate } from './create-render-gate';
import { findModelPrice } from './find-model-price';
import { useHeliconeContext } from './helicone-context';
import { modelsQueryKey, modelsQueryOptions } from './models-query-options';
import { sendWithFiles } from './send-with-files';
import type { ChatSendInput, UseHeliconeChatOptions, UseHeliconeChatResult } from './use-helicone-chat-types';

/**
 * A chat with the route: a streaming answer committed once per `throttle` (default 50 ms; React follows the store
 * through the render gate; each render shows one state of it whole), and callbacks that always see the latest
 * props. Chats with the same `session.id` under one provider share one conversation.
 */
export function useHeliconeChat(options: UseHeliconeChatOptions = {}): UseHeliconeChatResult {
  const { api: providerApi, queryClient, registry, transport: init } = useHeliconeContext();
  const api = options.api ?? providerApi;
  const chat: ChatOptions = {
    ...options,
    // Made per render: it is a URL and the provider's fetch settings, read by the store at each request.
    transport: options.transport ?? createHttpTransport({ ...init, api }),
    registry,
    price:
      options.price ??
      ((answer) => findModelPrice(queryClient.getQueryData<ModelInfo[]>(modelsQueryKey(api)), answer)),
  };
  // Made during render, so it claims nothing: the store holds its session from `retain()` in the committed effect.
  const sessionId = options.session?.id;
  const [[latest, store, gate, send, applied]] = useState(() => {
    // The latest options: the store and the gate read them at each use.
    const latest = createLatest(chat);
    const store = createChatStore(latest);
    return [
      latest,
      store,
      createRenderGate(store, latest),
      (input?: ChatSendInput) => sendWithFiles(store.getState().send, input),
      // The last `session.id` prop switched to (see below).
      createLatest(sessionId),
    ] as const;
  });
  useLayoutEffect(() => latest.set(chat));
  // Held while mounted; unmounting lets go at once (the registry stops a request no other chat shows).
  useLayoutEffect(() => store.retain(), [store]);

  // A new `session.id` is switched to before the browser paints; the render that comes with the new prop already
  // shows that session (read, not held), so no commit shows the old conversation under the new id. `applied`
  // keeps the last prop switched to: `newSession`/`switchSession` may show another session under the same prop.
  useLayoutEffect(() => {
    if (sessionId === undefined || sessionId === applied()) return;
    applied.set(sessionId);
    store.getState().switchSession(sessionId);
  }, [store, applied, sessionId]);

  const modelProp = options.model;
  useEffect(() => {
    if (modelProp !== undefined && modelProp !== store.getState().model) store.getState().setModel(modelProp);
  }, [store, modelProp]);

  const state = useSyncExternalStore(...gate);
  const peeked =
    sessionId !== undefined &&
    sessionId !== applied() &&
    registry
      .peek(sessionId, { name: options.session?.name, warnings: () => options.onWarning })
      .store.getState();
  // The result: what the state shows, but the session's actions (they go into `session`) and `getBranches` (it stays
  // on the store). A test holds the keys to the documented ones. While a new `session.id` is switched to, the data
  // are that session's (a session's state carries every key of its own).
  const {
    getBranches: _getBranches,
    newSession,
    switchSession,
    session: info,
    ...shown
  } = { ...state, ...peeked };
  // The route's prices (not needed with a `price` or `transport` of one's own), fetched once for the page and
  // read at the end of each answer; answers that ended before they arrived (or were stored without them) get
  // their estimated cost when they do. Not a `useQuery`: that would run on every streamed commit.
  const needsPrices = !options.price && !options.transport;
  useEffect(() => {
    if (!needsPrices) return;
    // Prices that arrive after the cleanup (an unmount: the session was let go of) change nothing.
    let current = true;
    void queryClient
      .prefetchQuery(modelsQueryOptions(api, init))
      .then(() => current && store.repriceAnswers());
    return () => {
      current = false;
    };
  }, [needsPrices, queryClient, api, init, store, info.id]);
  const session = useMemo(() => ({ ...info, newSession, switchSession }), [info, newSession, switchSession]);
  return { ...shown, session, send, store };
}

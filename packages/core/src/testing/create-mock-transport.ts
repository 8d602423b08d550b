import type { ChatCompletion, ChatCompletionChunk, CompletionChunk, Usage } from '../openai/types';
import { readHeliconeResponse } from '../response/read-helicone-response';
import type { ChatTransport, ChatTransportEvent, ChatTransportRequest } from '../transport/chat-transport';

/** One scripted step of a mock answer. `choice` defaults to 0. */
export type MockStep =
  | { type: 'text'; text: string; choice?: number }
  | { type: 'reasoning'; text: string; choice?: number }
  | {
      type: 'tool-call';
      id: string;
      name: string;
      /** Sent as one fragment, or as the given fragments in order. */
      arguments: string | string[];
      /** The call's position in `tool_calls` (default: one more than the last call of this choice). */
      index?: number;
      choice?: number;
    }
  | { type: 'finish'; reason?: string; choice?: number }
  | { type: 'usage'; usage: Usage }
  /** A raw chunk, as the gateway would send it. */
  | { type: 'chunk'; chunk: CompletionChunk }
  /** Waits this many milliseconds (fake timers work). */
  | { type: 'delay'; ms: number }
  /** Waits until the promise settles: lets a test hold the stream at a point. */
  | { type: 'wait'; until: Promise<unknown> }
  /** Throws inside the stream, after everything before it was delivered. */
  | { type: 'error'; error: Error };

export type MockResponse = {
  /** Response headers, read by `readHeliconeResponse` as the HTTP transport does (`Helicone-Id`, ...). */
  headers?: Record<string, string>;
  /** Thrown before any response, as the HTTP transport throws a `GatewayError` for a non-2xx status. */
  error?: Error;
  /** The streamed answer. */
  steps?: MockStep[];
  /** The answer of a `stream: false` request. */
  completion?: ChatCompletion;
  /** `model` of the chunks (default: the requested model). */
  model?: string;
};

export type MockTransport = ChatTransport & {
  /** Every request received, in order. */
  readonly requests: ChatTransportRequest[];
};

export type MockTransportScript =
  readonly MockResponse[] | ((request: ChatTransportRequest, callIndex: number) => MockResponse);

function abortError(): Error {
  const error = new Error('The request was aborted.');
  error.name = 'AbortError';
  return error;
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(abortError());
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortError());
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

function until(promise: Promise<unknown>, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(abortError());
    const onAbort = () => reject(abortError());
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      () => {
        signal.removeEventListener('abort', onAbort);
        resolve();
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

/** Splits a text into deltas of `size` characters: handy for scripting a streamed answer. */
export function textSteps(text: string, size = 4, choice?: number): MockStep[] {
  const steps: MockStep[] = [];
  for (let start = 0; start < text.length; start += size) {
    steps.push({
      type: 'text',
      text: text.slice(start, start + size),
      ...(choice === undefined ? {} : { choice }),
    });
  }
  return steps;
}

/**
 * A scripted transport for tests and stories: each request takes the next response of the script (or what the
 * function returns), streams its steps as OpenAI chunks, honours the abort signal, and is recorded in `requests`.
 * A request beyond the end of a list script throws, so a test that sends more than it scripted fails clearly.
 */
export function createMockTransport(script: MockTransportScript): MockTransport {
  const requests: ChatTransportRequest[] = [];

  async function* send(request: ChatTransportRequest): AsyncGenerator<ChatTransportEvent> {
    const callIndex = requests.length;
    requests.push(request);
    const response = typeof script === 'function' ? script(request, callIndex) : script[callIndex];
    if (!response) throw new Error(`createMockTransport: no scripted response for request ${callIndex + 1}.`);
    const { signal } = request;
    if (signal.aborted) throw abortError();
    if (response.error) throw response.error;
    yield { type: 'response', response: readHeliconeResponse(new Headers(response.headers ?? {})) };
    const model = response.model ?? request.body.model;
    if (response.completion) {
      yield { type: 'completion', completion: response.completion };
      return;
    }
    const toolCallCount = new Map<number, number>();
    const chunk = (choices: ChatCompletionChunk['choices'], usage?: Usage): ChatCompletionChunk => ({
      id: 'chatcmpl-mock',
      object: 'chat.completion.chunk',
      created: 0,
      model,
      choices,
      ...(usage ? { usage } : {}),
    });
    for (const step of response.steps ?? []) {
      if (signal.aborted) throw abortError();
      const choice = 'choice' in step ? (step.choice ?? 0) : 0;
      switch (step.type) {
        case 'text':
          yield {
            type: 'chunk',
            chunk: chunk([{ index: choice, delta: { content: step.text }, finish_reason: null }]),
          };
          break;
        case 'reasoning':
          yield {
            type: 'chunk',
            chunk: chunk([{ index: choice, delta: { reasoning: step.text }, finish_reason: null }]),
          };
          break;
        case 'tool-call': {
          const index = step.index ?? toolCallCount.get(choice) ?? 0;
          toolCallCount.set(choice, index + 1);
          const fragments = typeof step.arguments === 'string' ? [step.arguments] : step.arguments;
          const first = {
            index,
            id: step.id,
            type: 'function' as const,
            function: { name: step.name, arguments: '' },
          };
          yield {
            type: 'chunk',
            chunk: chunk([{ index: choice, delta: { tool_calls: [first] }, finish_reason: null }]),
          };
          for (const fragment of fragments) {
            if (signal.aborted) throw abortError();
            yield {
              type: 'chunk',
              chunk: chunk([
                {
                  index: choice,
                  delta: { tool_calls: [{ index, function: { arguments: fragment } }] },
                  finish_reason: null,
                },
              ]),
            };
          }
          break;
        }
        case 'finish':
          yield {
            type: 'chunk',
            chunk: chunk([{ index: choice, delta: {}, finish_reason: step.reason ?? 'stop' }]),
          };
          break;
        case 'usage':
          yield { type: 'chunk', chunk: chunk([], step.usage) };
          break;
        case 'chunk':
          yield { type: 'chunk', chunk: step.chunk };
          break;
        case 'delay':
          await sleep(step.ms, signal);
          break;
        case 'wait':
          await until(step.until, signal);
          break;
        case 'error':
          throw step.error;
      }
    }
  }

  return { requests, send };
}

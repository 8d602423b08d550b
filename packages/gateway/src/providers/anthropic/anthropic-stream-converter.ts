type AnthropicUsage = {
  input_tokens?: number;
  output_tokens?: number;
  cache_read_input_tokens?: number;
  cache_creation_input_tokens?: number;
  cache_creation?: { ephemeral_5m_input_tokens?: number; ephemeral_1h_input_tokens?: number };
  server_tool_use?: { web_search_requests?: number };
};

type ToolState = { id: string; callIndex: number; sentArguments: boolean };

type Event = {
  type?: string;
  index?: number;
  message?: { id?: string; model?: string; usage?: AnthropicUsage };
  content_block?: Record<string, unknown>;
  delta?: Record<string, unknown>;
  usage?: AnthropicUsage;
};

/** Anthropic `stop_reason` → OpenAI `finish_reason`, as Helicone maps it. */
export function finishReasonOf(stopReason: unknown): 'length' | 'tool_calls' | 'stop' {
  if (stopReason === 'max_tokens') return 'length';
  if (stopReason === 'tool_use') return 'tool_calls';
  return 'stop';
}

/**
 * OpenAI usage from Anthropic usage, as Helicone's gateway reports it: prompt = input + cache reads, total also
 * counts cache writes, with the write split (5m/1h) in `prompt_tokens_details`.
 */
export function usageOf(usage: AnthropicUsage, startUsage: AnthropicUsage = {}) {
  const input = usage.input_tokens ?? startUsage.input_tokens ?? 0;
  const cached = usage.cache_read_input_tokens ?? startUsage.cache_read_input_tokens ?? 0;
  const written = usage.cache_creation_input_tokens ?? startUsage.cache_creation_input_tokens ?? 0;
  const output = usage.output_tokens ?? 0;
  const creation = startUsage.cache_creation ?? usage.cache_creation;
  const searches = usage.server_tool_use?.web_search_requests ?? 0;
  return {
    prompt_tokens: input + cached,
    completion_tokens: output,
    total_tokens: input + cached + written + output,
    ...(cached > 0 || written > 0
      ? {
          prompt_tokens_details: {
            cached_tokens: cached,
            audio_tokens: 0,
            ...(written > 0
              ? {
                  cache_write_tokens: written,
                  cache_write_details: {
                    write_5m_tokens: creation?.ephemeral_5m_input_tokens ?? 0,
                    write_1h_tokens: creation?.ephemeral_1h_input_tokens ?? 0,
                  },
                }
              : {}),
          },
        }
      : {}),
    completion_tokens_details: {
      reasoning_tokens: 0,
      audio_tokens: 0,
      accepted_prediction_tokens: 0,
      rejected_prediction_tokens: 0,
    },
    ...(searches > 0 ? { server_tool_use: { web_search_requests: searches } } : {}),
  };
}

/** An Anthropic citation as the OpenAI `url_citation` annotation Helicone's converter writes. */
function urlCitation(citation: Record<string, unknown>, startIndex: number, endIndex: number) {
  return {
    type: 'url_citation',
    url_citation: {
      url: citation.url,
      title: citation.title,
      content: citation.cited_text,
      start_index: startIndex,
      end_index: endIndex,
    },
  };
}

/**
 * Turns Anthropic Messages stream events into OpenAI `chat.completion.chunk` objects the way Helicone's gateway
 * does (HELICONE.md §6): a role chunk, text and thinking deltas, tool calls with argument fragments (an empty
 * input sent as `{` and `}`), a finish chunk with `reasoning_details`/annotations, and a `choices: []` usage
 * chunk. `ping` and `error` events and server tool blocks are dropped.
 */
export class AnthropicStreamConverter {
  private id = '';
  private model = '';
  private startUsage: AnthropicUsage = {};
  private finalUsage: ReturnType<typeof usageOf> | undefined;
  private readonly tools = new Map<number, ToolState>();
  private readonly thinking = new Map<number, { thinking: string; signature: string }>();
  private readonly annotations: Record<string, unknown>[] = [];
  private textLength = 0;

  constructor(private readonly created: number = Math.floor(Date.now() / 1000)) {}

  private chunk(choices: unknown[], usage?: unknown): Record<string, unknown> {
    return {
      id: this.id,
      object: 'chat.completion.chunk',
      created: this.created,
      model: this.model,
      system_fingerprint: '',
      choices,
      ...(usage === undefined ? {} : { usage }),
    };
  }

  private delta(delta: Record<string, unknown>, finishReason: string | null = null) {
    return this.chunk([{ index: 0, delta, logprobs: null, finish_reason: finishReason }]);
  }

  private toolDelta(tool: ToolState, argumentsText: string) {
    return this.delta({
      tool_calls: [
        { index: tool.callIndex, id: tool.id, type: 'function', function: { arguments: argumentsText } },
      ],
    });
  }

  private emptyArguments(tool: ToolState): Record<string, unknown>[] {
    tool.sentArguments = true;
    return [this.toolDelta(tool, '{'), this.toolDelta(tool, '}')];
  }

  convert(event: Event): Record<string, unknown>[] {
    const index = event.index ?? 0;
    switch (event.type) {
      case 'message_start':
        this.id = event.message?.id ?? '';
        this.model = event.message?.model ?? '';
        this.startUsage = event.message?.usage ?? {};
        return [this.delta({ role: 'assistant', content: '' })];
      case 'content_block_start': {
        const block = event.content_block ?? {};
        if (block.type === 'tool_use') {
          const tool = {
            id: typeof block.id === 'string' ? block.id : '',
            callIndex: this.tools.size,
            sentArguments: false,
          };
          this.tools.set(index, tool);
          return [
            this.delta({
              tool_calls: [
                {
                  index: tool.callIndex,
                  id: tool.id,
                  type: 'function',
                  function: { name: typeof block.name === 'string' ? block.name : '', arguments: '' },
                },
              ],
            }),
          ];
        }
        if (block.type === 'thinking') this.thinking.set(index, { thinking: '', signature: '' });
        if (block.type === 'text' && Array.isArray(block.citations)) {
          const text = typeof block.text === 'string' ? block.text : '';
          for (const citation of block.citations as Record<string, unknown>[]) {
            this.annotations.push(urlCitation(citation, this.textLength, this.textLength + text.length));
          }
        }
        return [];
      }
      case 'content_block_delta': {
        const delta = event.delta ?? {};
        if (delta.type === 'text_delta') {
          const text = typeof delta.text === 'string' ? delta.text : '';
          this.textLength += text.length;
          return [this.delta({ content: text })];
        }
        if (delta.type === 'input_json_delta') {
          const tool = this.tools.get(index);
          const fragment = typeof delta.partial_json === 'string' ? delta.partial_json : '';
          if (!tool || (fragment === '' && !tool.sentArguments)) return [];
          tool.sentArguments = true;
          return [this.toolDelta(tool, fragment)];
        }
        if (delta.type === 'thinking_delta') {
          const text = typeof delta.thinking === 'string' ? delta.thinking : '';
          const state = this.thinking.get(index);
          if (state) state.thinking += text;
          return [this.delta({ reasoning: text })];
        }
        if (delta.type === 'signature_delta') {
          const state = this.thinking.get(index);
          if (state && typeof delta.signature === 'string') state.signature += delta.signature;
          return [];
        }
        if (
          delta.type === 'citations_delta' &&
          typeof delta.citation === 'object' &&
          delta.citation !== null
        ) {
          this.annotations.push(urlCitation(delta.citation as Record<string, unknown>, 0, this.textLength));
        }
        return [];
      }
      case 'content_block_stop': {
        const tool = this.tools.get(index);
        return tool && !tool.sentArguments ? this.emptyArguments(tool) : [];
      }
      case 'message_delta': {
        const pending = [...this.tools.values()]
          .filter((tool) => !tool.sentArguments)
          .flatMap((tool) => this.emptyArguments(tool));
        this.finalUsage = usageOf(event.usage ?? {}, this.startUsage);
        const details = [...this.thinking.values()].filter(
          (state) => state.thinking !== '' || state.signature !== '',
        );
        const finalDelta = {
          ...(this.annotations.length > 0 ? { annotations: this.annotations } : {}),
          ...(details.length > 0 ? { reasoning_details: details } : {}),
        };
        return [...pending, this.delta(finalDelta, finishReasonOf(event.delta?.stop_reason))];
      }
      case 'message_stop':
        return [this.chunk([], this.finalUsage)];
      default:
        return [];
    }
  }
}

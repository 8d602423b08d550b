import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { startTestGateway } from '../helpers';

const weather = {
  type: 'object',
  properties: {
    location: { type: 'string' },
    unit: { type: 'string', enum: ['celsius', 'fahrenheit'] },
    days: { type: 'integer', minimum: 1, maximum: 10 },
  },
  required: ['location', 'unit'],
  additionalProperties: false,
};

describe('response_format and tools', () => {
  it('json_schema gives valid JSON matching the schema (ajv); json_object gives an object', async () => {
    const { client } = await startTestGateway();
    const validate = new Ajv().compile(weather);
    for (const content of ['weather in Paris', 'weather in Oslo', 'weather in Lima']) {
      const completion = await client.chat.completions.create({
        model: 'gpt-4o-mini',
        messages: [{ role: 'user', content }],
        response_format: {
          type: 'json_schema',
          json_schema: { name: 'weather', schema: weather, strict: true },
        },
      });
      const value: unknown = JSON.parse(completion.choices[0]!.message.content!);
      expect(validate(value), JSON.stringify(validate.errors)).toBe(true);
    }
    const object = await client.chat.completions.create({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: 'json' }],
      response_format: { type: 'json_object' },
    });
    expect(typeof JSON.parse(object.choices[0]!.message.content!)).toBe('object');
  });

  it('calls a tool named in the last user message, with schema-valid arguments, streamed or not', async () => {
    const { client } = await startTestGateway();
    const validate = new Ajv().compile(weather);
    const tools = [
      { type: 'function' as const, function: { name: 'get_weather', parameters: weather } },
      {
        type: 'function' as const,
        function: {
          name: 'get_time',
          parameters: { type: 'object', properties: { zone: { type: 'string' } }, required: ['zone'] },
        },
      },
    ];
    const completion = await client.chat.completions.create({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: 'Please use get_weather for Paris' }],
      tools,
    });
    const choice = completion.choices[0]!;
    expect(choice.finish_reason).toBe('tool_calls');
    expect(choice.message.content).toBeNull();
    const call = choice.message.tool_calls![0]!;
    expect(call.type === 'function' && call.function.name).toBe('get_weather');
    expect(validate(JSON.parse(call.type === 'function' ? call.function.arguments : ''))).toBe(true);

    const stream = await client.chat.completions.create({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: 'get_time please' }],
      tools,
      stream: true,
    });
    let name = '';
    let argumentsText = '';
    let finish: string | null = null;
    for await (const chunk of stream) {
      const delta = chunk.choices[0]?.delta;
      name += delta?.tool_calls?.[0]?.function?.name ?? '';
      argumentsText += delta?.tool_calls?.[0]?.function?.arguments ?? '';
      finish = chunk.choices[0]?.finish_reason ?? finish;
    }
    expect(name).toBe('get_time');
    expect(JSON.parse(argumentsText)).toEqual({ zone: expect.any(String) });
    expect(finish).toBe('tool_calls');

    const plain = await client.chat.completions.create({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: 'no tool named here' }],
      tools,
    });
    expect(plain.choices[0]!.finish_reason).toBe('stop');
    const afterResult = await client.chat.completions.create({
      model: 'gpt-4o-mini',
      tools,
      messages: [
        { role: 'user', content: 'use get_time' },
        {
          role: 'assistant',
          content: null,
          tool_calls: [
            { id: 'call_1', type: 'function', function: { name: 'get_time', arguments: '{"zone":"UTC"}' } },
          ],
        },
        { role: 'tool', tool_call_id: 'call_1', content: '12:00' },
      ],
    });
    expect(afterResult.choices[0]!.finish_reason).toBe('stop');
  });

  it('follows tool_choice: none never calls, required calls the first tool, a named function wins', async () => {
    const { client } = await startTestGateway();
    const tools = [
      { type: 'function' as const, function: { name: 'get_weather', parameters: weather } },
      {
        type: 'function' as const,
        function: {
          name: 'get_time',
          parameters: { type: 'object', properties: { zone: { type: 'string' } }, required: ['zone'] },
        },
      },
    ];
    const ask = (
      content: string,
      toolChoice: 'none' | 'required' | { type: 'function'; function: { name: string } },
    ) =>
      client.chat.completions.create({
        model: 'gpt-4o-mini',
        messages: [{ role: 'user', content }],
        tools,
        tool_choice: toolChoice,
      });
    const calledName = (completion: Awaited<ReturnType<typeof ask>>) => {
      const call = completion.choices[0]!.message.tool_calls?.[0];
      return call?.type === 'function' ? call.function.name : undefined;
    };

    const none = await ask('Please use get_weather for Paris', 'none');
    expect(none.choices[0]!.finish_reason).toBe('stop');
    expect(none.choices[0]!.message.tool_calls).toBeUndefined();
    expect(typeof none.choices[0]!.message.content).toBe('string');

    const required = await ask('no tool named here', 'required');
    expect(required.choices[0]!.finish_reason).toBe('tool_calls');
    expect(calledName(required)).toBe('get_weather');
    const requiredNamed = await ask('what is the get_time now', 'required');
    expect(calledName(requiredNamed)).toBe('get_time');

    const named = await ask('Please use get_weather for Paris', {
      type: 'function',
      function: { name: 'get_time' },
    });
    expect(named.choices[0]!.finish_reason).toBe('tool_calls');
    expect(calledName(named)).toBe('get_time');
    const call = named.choices[0]!.message.tool_calls![0]!;
    expect(JSON.parse(call.type === 'function' ? call.function.arguments : '')).toEqual({
      zone: expect.any(String),
    });
  });
});

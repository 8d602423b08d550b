import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startTestGateway, temporaryDatabase } from '../helpers';

const promptBody = {
  model: 'gpt-4o-mini',
  temperature: 0.3,
  messages: [
    { role: 'system', content: 'You help {{hc:customer:string}} with order {{hc:order:number}}.' },
    { role: 'user', content: 'Is express shipping {{hc:express:boolean}}?' },
  ],
};

describe('HELICONE.md §4.4 prompts', () => {
  it('creates a prompt through POST /v1/prompt-2025 and expands prompt_id + inputs', async () => {
    const { post, rows } = await startTestGateway();
    const created = await post('/v1/prompt-2025', { name: 'support', tags: ['demo'], promptBody });
    expect(created.status).toBe(201);
    const { data } = (await created.json()) as { data: { id: string; versionId: string } };
    expect(data.id).toMatch(/^[0-9a-f-]{36}$/);
    const response = await post('/v1/chat/completions', {
      prompt_id: data.id,
      model: 'claude-3.5-haiku',
      inputs: { customer: 'Ada', order: 42, express: true },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('helicone-provider')).toBe('anthropic');
    const [row] = rows();
    expect(row!.prompt_id).toBe(data.id);
    expect(row!.requested_model).toBe('claude-3.5-haiku');
  });

  it('puts the request messages after the prompt, and answers the real 400 for a wrong input type', async () => {
    const { post } = await startTestGateway();
    const { data } = (await (await post('/v1/prompt-2025', { name: 'p', promptBody })).json()) as {
      data: { id: string };
    };
    const wrong = await post('/v1/chat/completions', {
      prompt_id: data.id,
      model: 'gpt-4o-mini',
      inputs: { customer: 'Ada', order: 'many', express: true },
    });
    expect(wrong.status).toBe(400);
    expect(await wrong.json()).toEqual({ error: "Variable 'order' is 'number' but got 'many'" });
    const missing = await post('/v1/chat/completions', {
      prompt_id: 'nope',
      model: 'gpt-4o-mini',
      inputs: {},
    });
    expect(missing.status).toBe(400);
  });

  it('loads prompts from a JSON file and serves their versions through the REST API', async () => {
    const file = path.join(path.dirname(temporaryDatabase()), 'prompts.json');
    writeFileSync(
      file,
      JSON.stringify({
        prompts: [
          {
            id: 'welcome',
            name: 'Welcome',
            promptBody: { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Hi {{hc:name}}' }] },
          },
        ],
      }),
    );
    const { gateway, post } = await startTestGateway({ prompts: file });
    const prompt = (await (
      await fetch(`${gateway.url}/v1/prompt-2025/id/welcome`, {
        headers: { authorization: `Bearer ${gateway.apiKey}` },
      })
    ).json()) as {
      data: { name: string; versions: { id: string }[] };
    };
    expect(prompt.data.name).toBe('Welcome');
    const versionId = prompt.data.versions[0]!.id;
    const bodyResponse = await fetch(`${gateway.url}/v1/prompt-2025/${versionId}/prompt-body`, {
      headers: { authorization: `Bearer ${gateway.apiKey}` },
    });
    expect(((await bodyResponse.json()) as { data: unknown }).data).toEqual({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: 'Hi {{hc:name}}' }],
    });
    const update = await post('/v1/prompt-2025/update', {
      promptId: 'welcome',
      promptBody: { model: 'gpt-4o', messages: [{ role: 'user', content: 'Hello {{hc:name}}' }] },
    });
    expect(update.status).toBe(200);
    const answer = await post('/v1/chat/completions', {
      prompt_id: 'welcome',
      model: 'gpt-4o-mini',
      inputs: { name: 'Grace' },
    });
    expect(answer.status).toBe(200);
    const pinned = await post('/v1/chat/completions', {
      prompt_id: 'welcome',
      version_id: versionId,
      model: 'gpt-4o-mini',
      inputs: { name: 'Grace' },
    });
    expect(await pinned.text()).not.toBe(await answer.text());
  });

  it('expands the version deployed to the requested environment (production by default)', async () => {
    const { post } = await startTestGateway();
    const production = { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Hi {{hc:name}}' }] };
    const created = await post('/v1/prompt-2025', { name: 'envs', promptBody: production });
    const { data } = (await created.json()) as { data: { id: string } };
    const staging = { model: 'claude-3.5-haiku', messages: [{ role: 'user', content: 'Hello {{hc:name}}' }] };
    const update = await post('/v1/prompt-2025/update', {
      promptId: data.id,
      promptBody: staging,
      environment: 'staging',
    });
    expect(update.status).toBe(200);
    // The request names no model: the expanded version's model tells which version served.
    const served = async (fields: Record<string, unknown>) => {
      const response = await post('/v1/chat/completions', {
        prompt_id: data.id,
        inputs: { name: 'Ada' },
        ...fields,
      });
      expect(response.status).toBe(200);
      return response.headers.get('helicone-provider');
    };
    expect(await served({})).toBe('openai');
    expect(await served({ environment: 'production' })).toBe('openai');
    expect(await served({ environment: 'staging' })).toBe('anthropic');
  });
});

import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';

export type PromptVersion = {
  id: string;
  /** Environments this version is deployed to (`production`, `staging`, `development`). */
  environments: string[];
  /** An OpenAI chat body whose messages may hold `{{hc:name:type}}` variables. */
  promptBody: Record<string, unknown>;
  createdAt: string;
};

export type Prompt = { id: string; name: string; tags: string[]; versions: PromptVersion[] };

/** The JSON file form: `{ "prompts": [{ id?, name, tags?, promptBody, environments? }] }`. */
type PromptFile = {
  prompts?: {
    id?: string;
    name?: string;
    tags?: string[];
    promptBody?: Record<string, unknown>;
    environments?: string[];
  }[];
};

/** Helicone Prompts 2.0, in memory: prompts with versions, deployed per environment (HELICONE.md §4.4). */
export class PromptStore {
  private readonly prompts = new Map<string, Prompt>();

  static fromFile(file: string): PromptStore {
    const store = new PromptStore();
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as PromptFile;
    for (const entry of parsed.prompts ?? []) {
      if (
        typeof entry.name !== 'string' ||
        typeof entry.promptBody !== 'object' ||
        entry.promptBody === null
      ) {
        throw new Error(`Prompt file ${file}: every prompt needs a name and a promptBody object.`);
      }
      store.create(entry.name, entry.tags ?? [], entry.promptBody, entry.id, entry.environments);
    }
    return store;
  }

  create(
    name: string,
    tags: string[],
    promptBody: Record<string, unknown>,
    id: string = randomUUID(),
    environments: string[] = ['production'],
  ): { id: string; versionId: string } {
    const version: PromptVersion = {
      id: randomUUID(),
      environments,
      promptBody,
      createdAt: new Date().toISOString(),
    };
    this.prompts.set(id, { id, name, tags, versions: [version] });
    return { id, versionId: version.id };
  }

  /** A new version; it takes over `environment` (production by default). */
  update(
    promptId: string,
    promptBody: Record<string, unknown>,
    environment = 'production',
  ): string | undefined {
    const prompt = this.prompts.get(promptId);
    if (!prompt) return undefined;
    for (const version of prompt.versions)
      version.environments = version.environments.filter((name) => name !== environment);
    const version: PromptVersion = {
      id: randomUUID(),
      environments: [environment],
      promptBody,
      createdAt: new Date().toISOString(),
    };
    prompt.versions.push(version);
    return version.id;
  }

  get(promptId: string): Prompt | undefined {
    return this.prompts.get(promptId);
  }

  all(): Prompt[] {
    return [...this.prompts.values()];
  }

  findVersion(versionId: string): PromptVersion | undefined {
    for (const prompt of this.prompts.values()) {
      const version = prompt.versions.find((entry) => entry.id === versionId);
      if (version) return version;
    }
    return undefined;
  }

  /** The version a request asks for: `version_id`, else the one deployed to `environment` (default production). */
  resolve(
    promptId: string,
    versionId: string | undefined,
    environment = 'production',
  ): PromptVersion | undefined {
    const prompt = this.prompts.get(promptId);
    if (!prompt) return undefined;
    if (versionId !== undefined) return prompt.versions.find((version) => version.id === versionId);
    return (
      prompt.versions.find((version) => version.environments.includes(environment)) ?? prompt.versions.at(-1)
    );
  }
}

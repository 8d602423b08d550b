import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { RequestRecord, StoredRequest } from './request-record';
import { addedColumns, schema } from './schema';

type Row = Record<string, unknown>;

export type RequestLog = {
  /** Writes one finished request (a single committed transaction, before the answer's last byte is sent). */
  record(entry: RequestRecord): void;
  /** Sets the thumbs up/down of a logged request; false when no such request is logged. */
  setFeedback(requestId: string, rating: boolean): boolean;
  get(requestId: string): StoredRequest | undefined;
  list(): StoredRequest[];
  close(): void;
};

function fromRow(row: Row): StoredRequest {
  const text = (key: string) => (typeof row[key] === 'string' ? row[key] : null);
  const number = (key: string) => (row[key] === null || row[key] === undefined ? null : Number(row[key]));
  return {
    requestId: String(row.request_id),
    path: String(row.path),
    createdAt: Number(row.created_at),
    completedAt: Number(row.completed_at),
    latencyMs: Number(row.latency_ms),
    timeToFirstTokenMs: number('time_to_first_token_ms'),
    status: row.status as StoredRequest['status'],
    httpStatus: Number(row.http_status),
    stream: row.stream === 1,
    requestedModel: text('requested_model'),
    model: text('model'),
    provider: text('provider'),
    promptTokens: number('prompt_tokens'),
    completionTokens: number('completion_tokens'),
    totalTokens: number('total_tokens'),
    reasoningTokens: number('reasoning_tokens'),
    promptCacheReadTokens: number('prompt_cache_read_tokens'),
    promptCacheWriteTokens: number('prompt_cache_write_tokens'),
    costUsd: number('cost_usd'),
    cacheHit: row.cache_hit === 1,
    cacheEnabled: row.cache_enabled === 1,
    userId: text('user_id'),
    sessionId: text('session_id'),
    sessionPath: text('session_path'),
    sessionName: text('session_name'),
    properties: JSON.parse(typeof row.properties === 'string' ? row.properties : '{}') as Record<
      string,
      string
    >,
    promptId: text('prompt_id'),
    requestBody: text('request_body'),
    responseBody: text('response_body'),
    error: text('error'),
    attempts: JSON.parse(typeof row.attempts === 'string' ? row.attempts : '[]') as unknown[],
    feedbackRating:
      row.feedback_rating === null || row.feedback_rating === undefined ? null : row.feedback_rating === 1,
    feedbackAt: number('feedback_at'),
  };
}

/**
 * Opens (or creates) the SQLite request log: a file path, or `':memory:'`. WAL journaling with
 * `synchronous = NORMAL`: every committed row survives a crash of the process (kill -9).
 */
export function openRequestLog(file: string): RequestLog {
  if (file !== ':memory:') mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const database = new Database(file);
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = NORMAL');
  database.pragma('busy_timeout = 5000');
  database.exec(schema);
  const columns = new Set(
    (database.pragma('table_info(requests)') as { name: string }[]).map((column) => column.name),
  );
  for (const column of addedColumns) {
    if (!columns.has(column.name)) database.exec(`ALTER TABLE requests ADD COLUMN ${column.definition}`);
  }
  const insert = database.prepare(`
    INSERT INTO requests (
      request_id, path, created_at, completed_at, latency_ms, time_to_first_token_ms, status, http_status,
      stream, requested_model, model, provider, prompt_tokens, completion_tokens, total_tokens,
      reasoning_tokens, cost_usd, cache_hit, cache_enabled, user_id, session_id, session_path, session_name,
      properties, prompt_id, request_body, response_body, error, attempts, prompt_cache_read_tokens,
      prompt_cache_write_tokens
    ) VALUES (
      @requestId, @path, @createdAt, @completedAt, @latencyMs, @timeToFirstTokenMs, @status, @httpStatus,
      @stream, @requestedModel, @model, @provider, @promptTokens, @completionTokens, @totalTokens,
      @reasoningTokens, @costUsd, @cacheHit, @cacheEnabled, @userId, @sessionId, @sessionPath, @sessionName,
      @properties, @promptId, @requestBody, @responseBody, @error, @attempts, @promptCacheReadTokens,
      @promptCacheWriteTokens
    )
    ON CONFLICT (request_id) DO UPDATE SET
      path = excluded.path, created_at = excluded.created_at, completed_at = excluded.completed_at,
      latency_ms = excluded.latency_ms, time_to_first_token_ms = excluded.time_to_first_token_ms,
      status = excluded.status, http_status = excluded.http_status, stream = excluded.stream,
      requested_model = excluded.requested_model, model = excluded.model, provider = excluded.provider,
      prompt_tokens = excluded.prompt_tokens, completion_tokens = excluded.completion_tokens,
      total_tokens = excluded.total_tokens, reasoning_tokens = excluded.reasoning_tokens,
      cost_usd = excluded.cost_usd, cache_hit = excluded.cache_hit, cache_enabled = excluded.cache_enabled,
      user_id = excluded.user_id, session_id = excluded.session_id, session_path = excluded.session_path,
      session_name = excluded.session_name, properties = excluded.properties, prompt_id = excluded.prompt_id,
      request_body = excluded.request_body, response_body = excluded.response_body, error = excluded.error,
      attempts = excluded.attempts, prompt_cache_read_tokens = excluded.prompt_cache_read_tokens,
      prompt_cache_write_tokens = excluded.prompt_cache_write_tokens
  `);
  const feedback = database.prepare(
    'UPDATE requests SET feedback_rating = ?, feedback_at = ? WHERE request_id = ?',
  );
  const select = database.prepare('SELECT * FROM requests WHERE request_id = ?');
  const selectAll = database.prepare('SELECT * FROM requests ORDER BY created_at, request_id');
  return {
    record(entry) {
      const totalTokens =
        entry.promptTokens === null && entry.completionTokens === null
          ? null
          : (entry.promptTokens ?? 0) + (entry.completionTokens ?? 0);
      insert.run({
        ...entry,
        latencyMs: entry.completedAt - entry.createdAt,
        totalTokens,
        stream: entry.stream ? 1 : 0,
        cacheHit: entry.cacheHit ? 1 : 0,
        cacheEnabled: entry.cacheEnabled ? 1 : 0,
        properties: JSON.stringify(entry.properties),
        attempts: JSON.stringify(entry.attempts),
      });
    },
    setFeedback(requestId, rating) {
      return feedback.run(rating ? 1 : 0, Date.now(), requestId).changes > 0;
    },
    get(requestId) {
      const row = select.get(requestId) as Row | undefined;
      return row ? fromRow(row) : undefined;
    },
    list() {
      return (selectAll.all() as Row[]).map(fromRow);
    },
    close() {
      if (database.open) database.close();
    },
  };
}

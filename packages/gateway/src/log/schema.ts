/** The request log's table. Times are unix milliseconds; JSON columns hold text. */
export const schema = `
CREATE TABLE IF NOT EXISTS requests (
  request_id TEXT PRIMARY KEY,
  path TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  completed_at INTEGER NOT NULL,
  latency_ms INTEGER NOT NULL,
  time_to_first_token_ms INTEGER,
  status TEXT NOT NULL CHECK (status IN ('success', 'error', 'cancelled')),
  http_status INTEGER NOT NULL,
  stream INTEGER NOT NULL DEFAULT 0,
  requested_model TEXT,
  model TEXT,
  provider TEXT,
  prompt_tokens INTEGER,
  completion_tokens INTEGER,
  total_tokens INTEGER,
  reasoning_tokens INTEGER,
  prompt_cache_read_tokens INTEGER,
  prompt_cache_write_tokens INTEGER,
  cost_usd REAL,
  cache_hit INTEGER NOT NULL DEFAULT 0,
  cache_enabled INTEGER NOT NULL DEFAULT 0,
  user_id TEXT,
  session_id TEXT,
  session_path TEXT,
  session_name TEXT,
  properties TEXT NOT NULL DEFAULT '{}',
  prompt_id TEXT,
  request_body TEXT,
  response_body TEXT,
  error TEXT,
  attempts TEXT NOT NULL DEFAULT '[]',
  feedback_rating INTEGER,
  feedback_at INTEGER
);
CREATE INDEX IF NOT EXISTS requests_created_at ON requests (created_at);
CREATE INDEX IF NOT EXISTS requests_session_id ON requests (session_id);
`;

/** Columns added after the first version of the table: added to older logs when they are opened. */
export const addedColumns: readonly { name: string; definition: string }[] = [
  { name: 'attempts', definition: "attempts TEXT NOT NULL DEFAULT '[]'" },
  { name: 'prompt_cache_read_tokens', definition: 'prompt_cache_read_tokens INTEGER' },
  { name: 'prompt_cache_write_tokens', definition: 'prompt_cache_write_tokens INTEGER' },
];

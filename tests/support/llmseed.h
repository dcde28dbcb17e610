#pragma once

#include <QString>

// Hand-made runs around the audit entries that caused them, then 600 generated calls over
// three days. Times are UTC; "now" for the charts is 2026-11-12 12:00.
//   A1 retain b1 10:00:00.000001-10:00:30  holds R1 (first call 10:00:01) and R5 (10:00:03)
//   A2 retain b1 10:00:20-10:00:50         holds R2 (10:00:25), which A1 holds too: ambiguous
//   A3 reflect b2 23:59:50-00:00:20 (+1d)  holds R3, whose calls cross midnight
//   A4 consolidation b1 12:00-12:05        holds R4 (operation consolidation_dedup)
// R1 nests: its second call's parent is the first call's span. A lone call without trace,
// bank or operation carries hostile strings; R3's first input was stored truncated.
inline constexpr const char *kLlmSeed = R"SQL(
INSERT INTO SCHEMA.audit_log (id, action, transport, bank_id, started_at, ended_at, response) VALUES
 ('a0000000-0000-0000-0000-000000000001', 'retain', 'http', 'b1', '2026-11-10 10:00:00.000001+00', '2026-11-10 10:00:30+00', '{}'),
 ('a0000000-0000-0000-0000-000000000002', 'retain', 'http', 'b1', '2026-11-10 10:00:20+00', '2026-11-10 10:00:50+00', '{}'),
 ('a0000000-0000-0000-0000-000000000003', 'reflect', 'mcp', 'b2', '2026-11-10 23:59:50+00', '2026-11-11 00:00:20+00', '{}'),
 ('a0000000-0000-0000-0000-000000000004', 'consolidation', 'system', 'b1', '2026-11-10 12:00:00+00', '2026-11-10 12:05:00+00', '{}');
INSERT INTO SCHEMA.llm_requests (id, bank_id, operation, scope, trace_id, span_id, parent_span_id,
  provider, model, status, started_at, ended_at, duration_ms, input_tokens, output_tokens,
  cached_tokens, total_tokens, input, output, error, llm_info, metadata) VALUES
 ('c0000000-0000-0000-0000-000000000011', 'b1', 'retain', 'retain_extract_facts', 't1', 's11', 'op1', 'openai', 'gpt-4o-mini', 'success',
  '2026-11-10 10:00:01.000007+00', '2026-11-10 10:00:04+00', 2999, 1200, 300, 100, 1500,
  '[{"role": "system", "content": "Extract facts"}, {"role": "user", "content": "key sk-proj-abcdefghijklmnopqrstuvwxyz0123456789ABCD"}]',
  '"facts"', NULL, '{"finish_reason": "stop"}', '{"document_id": "doc-1", "memory_ids": ["m1", "m2"]}'),
 ('c0000000-0000-0000-0000-000000000012', 'b1', 'retain', 'verification', 't1', 's12', 's11', 'openai', 'gpt-4o', 'success',
  '2026-11-10 10:00:05+00', '2026-11-10 10:00:06+00', 1000, NULL, NULL, NULL, NULL, '[]', '{"ok": true}', NULL, '{}', '{"document_id": "doc-1", "memory_ids": ["m1", "m2"]}'),
 ('c0000000-0000-0000-0000-000000000013', 'b1', 'retain', 'retain_extract_facts', 't1', 's13', 'op1', 'openai', 'gpt-4o-mini', 'success',
  '2026-11-10 10:00:10+00', '2026-11-10 10:00:12.5+00', 2500, 800, 200, NULL, 1000, '[]', '"more"', NULL, '{}', '{"memory_ids": ["m1", "m2"]}'),
 ('c0000000-0000-0000-0000-000000000051', 'b1', 'retain', 'retain_extract_facts', 't5', 's51', 'op5', 'anthropic', 'claude-sonnet-4', 'success',
  '2026-11-10 10:00:03+00', '2026-11-10 10:00:09+00', 6000, 2000, 500, 0, 2500, '[]', '"x"', NULL, '{}', '{"source_memory_ids": ["m9"]}'),
 ('c0000000-0000-0000-0000-000000000052', 'b1', 'retain', 'retain_extract_facts', 't5', 's52', 'op5', 'anthropic', 'claude-sonnet-4', 'success',
  '2026-11-10 10:00:07+00', '2026-11-10 10:00:08+00', 1000, 100, 50, NULL, 150, '[]', '"y"', NULL, '{}', '{}'),
 ('c0000000-0000-0000-0000-000000000021', 'b1', 'retain', 'retain_extract_facts', 't2', 's21', 'op2', 'openai', 'gpt-4o-mini', 'error',
  '2026-11-10 10:00:25+00', '2026-11-10 10:00:40+00', 15000, NULL, NULL, NULL, NULL, '[]', NULL, 'TimeoutError: the provider did not answer in 15 s', '{}', '{}'),
 ('c0000000-0000-0000-0000-000000000022', 'b1', 'retain', 'retain_extract_facts', 't2', 's22', 'op2', 'openai', 'gpt-4o-mini', 'success',
  '2026-11-10 10:00:41+00', '2026-11-10 10:00:45+00', 4000, 10, 20, NULL, 30, '[]', '"z"', NULL, '{}', '{}'),
 ('c0000000-0000-0000-0000-000000000031', 'b2', 'reflect', 'memory_think', 't3', 's31', 'op3', 'gemini', 'gemini-2.5-pro', 'success',
  '2026-11-10 23:59:55+00', '2026-11-11 00:00:01+00', 6000, 40000, 800, 30000, 40800,
  '{"_truncated": true, "_original_chars": 123456, "preview": "[{\"role\": \"user\", \"content\": \"long"}',
  '"answer"', NULL, '{}', '{}'),
 ('c0000000-0000-0000-0000-000000000032', 'b2', 'reflect', 'final_rewrite', 't3', 's32', 'op3', 'gemini', 'gemini-2.5-pro', 'success',
  '2026-11-11 00:00:05+00', '2026-11-11 00:00:09+00', 4000, 500, 100, NULL, 600, '[]', '"done"', NULL, '{}', '{}'),
 ('c0000000-0000-0000-0000-000000000041', 'b1', 'consolidation_dedup', 'consolidation_dedup', 't4', 's41', 'op4', 'groq', 'llama-3.3-70b', 'success',
  '2026-11-10 12:01:00+00', '2026-11-10 12:01:02+00', 2000, 300, 30, NULL, 330, '[]', '"d"', NULL, '{}', '{}'),
 ('c0000000-0000-0000-0000-000000000099', NULL, NULL, 'bank_mission', NULL, 's99', NULL, 'ollama', NULL, 'error',
  '2026-11-10 11:00:00+00', '2026-11-10 11:00:00.5+00', 500, NULL, NULL, NULL, NULL, NULL, NULL,
  E'ValueError: "; DROP TABLE x; -- \u202Eevil\\path\n second line', '{}', '{}');
INSERT INTO SCHEMA.llm_requests (bank_id, operation, scope, trace_id, span_id, parent_span_id,
  provider, model, status, started_at, ended_at, duration_ms, input_tokens, output_tokens,
  cached_tokens, total_tokens, input, output, error)
SELECT 'bank-' || (g / 10 % 4), (ARRAY['retain','reflect','consolidation'])[1 + g / 10 % 3],
  'scope-' || (g % 3), 'gen-' || (g / 10), 'gs' || g, 'gop' || (g / 10),
  'openai', (ARRAY['gpt-4o','gpt-4o-mini'])[1 + g % 2],
  CASE WHEN g % 17 = 0 THEN 'error' ELSE 'success' END,
  '2026-11-09 00:00:00+00'::timestamptz + g * interval '431.000013 seconds',
  '2026-11-09 00:00:00+00'::timestamptz + g * interval '431.000013 seconds' + (g % 50) * interval '100 ms',
  (g % 50) * 100,
  CASE WHEN g % 7 = 0 THEN NULL ELSE 100 + g END, CASE WHEN g % 7 = 0 THEN NULL ELSE 10 + g % 13 END,
  CASE WHEN g % 5 = 0 THEN g ELSE NULL END, CASE WHEN g % 7 = 0 THEN NULL ELSE 110 + g + g % 13 END,
  jsonb_build_array(jsonb_build_object('role', 'user', 'content', 'question ' || g)),
  to_jsonb('answer ' || g), CASE WHEN g % 17 = 0 THEN 'RateLimitError ' || g END
FROM generate_series(0, 599) g;
)SQL";

// kLlmSeed for the audit_log and llm_requests of `schema` (both created beforehand).
inline QString llmSeedSql(const QString &schema)
{
    return QString::fromUtf8(kLlmSeed).replace(QLatin1String("SCHEMA."), schema + QLatin1Char('.'));
}

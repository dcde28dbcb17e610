-- Hindsight's audit_log with realistic rows, generated inside PostgreSQL.
-- Run by scripts/seed, which creates the table. Variables (psql -v): schema, table,
-- rows, days, end_ts, first (row number offset), seed (0: not reproducible).
\set ON_ERROR_STOP 1
SET client_min_messages = warning;
SELECT setseed(((:seed + :first) % 1000000) / 1000000.0) WHERE :seed <> 0;


INSERT INTO :"schema".:"table" (action, transport, bank_id, started_at, ended_at, request, response, metadata)
WITH
-- Hindsight's actions in a realistic mix (weights per mille).
actions AS MATERIALIZED (
    SELECT array_agg(a ORDER BY a) AS pool FROM (
        SELECT a FROM (VALUES
            ('retain', 340), ('recall', 300), ('reflect', 60), ('consolidation', 50),
            ('webhook_delivery', 40), ('list_memories', 40), ('get_bank', 35), ('list_banks', 25),
            ('list_documents', 20), ('update_bank_config', 12), ('refresh_mental_model', 12),
            ('create_bank', 10), ('update_bank', 10), ('delete_memory', 10),
            ('create_mental_model', 8), ('delete_document', 6), ('create_webhook', 5),
            ('delete_bank', 3), ('delete_webhook', 2), ('clear_memories', 2)) v(a, w),
            generate_series(1, w)) s),
-- Working hours are busier than nights (weights per hour of the day).
hours AS MATERIALIZED (
    SELECT array_agg(h) AS pool FROM (
        SELECT h FROM generate_series(0, 23) h,
            generate_series(1, CASE WHEN h BETWEEN 9 AND 17 THEN 10 WHEN h BETWEEN 7 AND 20 THEN 6 ELSE 2 END)) s),
-- 300 banks; a few with characters that break naive SQL or LIKE.
banks AS MATERIALIZED (
    SELECT array_agg(b ORDER BY i) AS pool FROM (
        SELECT i, CASE i
            WHEN 7 THEN '100%-off' WHEN 11 THEN 'under_score' WHEN 13 THEN 'o''brien-notes'
            WHEN 17 THEN 'back\slash' WHEN 19 THEN 'café-ü-日本'
            ELSE (ARRAY['support-agent', 'user', 'sales-copilot', 'research', 'team', 'tenant', 'assistant', 'ops'])[1 + i % 8]
                 || '-' || (ARRAY['eu', 'us', 'apac', 'notes', 'prod', 'staging', 'dev'])[1 + i % 7] || '-' || i
            END AS b FROM generate_series(1, 300) i) s),
words AS MATERIALIZED (
    SELECT ARRAY['Alice prefers window seats on long flights', 'The deployment on Friday failed because of a missing migration',
                 'Bob is allergic to peanuts', 'Quarterly revenue grew 12% over the previous quarter',
                 'The customer asked to move the meeting to Tuesday 10:00', 'Paris is the capital of France',
                 'Ticket #4521: login loop after password reset', 'Ünïcödé naïve café — 東京 で 会議',
                 'User reports "timeouts" when uploading files > 2 GB', 'The API key was rotated on 2026-03-01',
                 'Prefers dark mode; uses vim keybindings', 'Meeting notes: ship v2 behind a feature flag'] AS pool),
base AS (
    SELECT g,
        ap.pool[1 + floor(random() * array_length(ap.pool, 1))::int] AS action,
        random() AS r_transport, random() AS r_bank, random() AS r_null_bank, random() AS r_state,
        floor(:days * power(random(), 1.25))::int AS day_back,
        hp.pool[1 + floor(random() * array_length(hp.pool, 1))::int] AS hour,
        random() * 3600 AS second_in_hour,
        sqrt(-2 * ln(1 - random())) * cos(2 * pi() * random()) AS normal,
        -- Zipf-like: bank 1 is the busiest, bank 299 among the rarest.
        bp.pool[floor(power(300, random()))::int] AS skewed_bank,
        wp.pool[1 + floor(random() * array_length(wp.pool, 1))::int] AS text,
        random() AS r_odd
    FROM generate_series(:first + 1, :first + :rows) g, actions ap, hours hp, banks bp, words wp),
shaped AS (
    SELECT b.*,
        CASE WHEN action IN ('consolidation', 'webhook_delivery') THEN 'system'
             WHEN action = 'refresh_mental_model' AND r_transport < 0.5 THEN 'system'
             WHEN r_transport < 0.65 THEN 'http' ELSE 'mcp' END AS transport,
        CASE WHEN action IN ('list_banks', 'webhook_delivery') OR r_null_bank < 0.03 THEN NULL
             ELSE skewed_bank END AS bank_id,
        date_trunc('day', :'end_ts'::timestamptz) - day_back * interval '1 day' + hour * interval '1 hour'
            + make_interval(secs => second_in_hour) AS raw_started_at,
        -- Log-normal durations around a typical time per action, in milliseconds.
        (CASE action WHEN 'reflect' THEN 4000 WHEN 'consolidation' THEN 15000 WHEN 'retain' THEN 700
                     WHEN 'recall' THEN 250 WHEN 'webhook_delivery' THEN 400 WHEN 'refresh_mental_model' THEN 6000
                     ELSE 40 END) * exp(0.9 * normal) AS duration_ms
    FROM base b),
placed AS (
    -- Today's hours after --end have not happened yet: such a call moves to an earlier day.
    SELECT s.*, CASE WHEN raw_started_at > :'end_ts'::timestamptz
                     THEN raw_started_at - (1 + g % 28) * interval '1 day' ELSE raw_started_at END AS started_at
    FROM shaped s)
SELECT action, transport, bank_id, started_at,
    CASE WHEN r_state < 0.005 THEN NULL ELSE started_at + make_interval(secs => duration_ms / 1000) END,
    CASE
        WHEN action IN ('list_banks', 'get_bank', 'list_memories', 'list_documents', 'delete_bank', 'delete_webhook') THEN NULL
        WHEN action = 'retain' THEN jsonb_build_object(
            'items', jsonb_build_array(jsonb_build_object('content', text, 'context', 'conversation',
                'timestamp', to_char(started_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
                'metadata', jsonb_build_object('source', 'chat', 'turn', g % 40))),
            'async', r_odd < 0.3)
        WHEN action = 'recall' THEN jsonb_build_object('query', text, 'max_tokens', 4096,
            'budget', (ARRAY['low', 'mid', 'high'])[1 + g % 3], 'types', '["world", "experience"]'::jsonb)
        WHEN action = 'reflect' THEN jsonb_build_object('query', 'What do we know? ' || text, 'budget', 'mid')
        WHEN action IN ('create_bank', 'update_bank') THEN jsonb_build_object('name', bank_id,
            'background', text, 'disposition', jsonb_build_object('skepticism', 1 + g % 5, 'literalism', 1 + g % 3))
        WHEN action = 'update_bank_config' THEN jsonb_build_object('updates', jsonb_build_object(
            'llm_model', 'gpt-4o-mini', 'retain_extraction_mode', 'concise', 'api_key', 'sk-live-' || md5(g::text)))
        WHEN action = 'create_webhook' THEN jsonb_build_object('url', 'https://hooks.example.com/' || g,
            'event_types', '["retain.completed"]'::jsonb, 'secret', 'whsec_' || md5(g::text),
            'http_config', jsonb_build_object('headers', jsonb_build_object('Authorization', 'Bearer sk-' || md5((g + 1)::text))))
        WHEN action = 'webhook_delivery' THEN jsonb_build_object('event', 'retain.completed', 'attempt', 1 + g % 3,
            'url', 'https://hooks.example.com/' || (g % 50))
        WHEN action IN ('delete_memory', 'delete_document') THEN jsonb_build_object('id', gen_random_uuid())
        WHEN action = 'consolidation' THEN jsonb_build_object('bank_id', bank_id, 'batch_size', 100)
        ELSE jsonb_build_object('bank_id', bank_id)
    END,
    CASE
        WHEN r_state < 0.025 THEN NULL -- in flight (first 0.5%) or failed (2%)
        WHEN action = 'retain' THEN jsonb_build_object('success', true, 'bank_id', bank_id, 'items_count', 1, 'async', r_odd < 0.3)
        WHEN action = 'recall' THEN jsonb_build_object('results', jsonb_build_array(
            jsonb_build_object('id', gen_random_uuid(), 'text', text, 'type', 'world', 'score', round((0.5 + r_odd / 2)::numeric, 4)),
            jsonb_build_object('id', gen_random_uuid(), 'text', 'Related: ' || text, 'type', 'experience',
                'score', CASE WHEN r_odd < 0.02 THEN 0.1000000000000000055511151231257827 ELSE round((r_odd / 2)::numeric, 4) END)))
        WHEN action = 'reflect' THEN jsonb_build_object('text', 'Based on what I know: ' || text,
            'based_on', jsonb_build_array(gen_random_uuid()))
        WHEN action = 'list_banks' THEN jsonb_build_object('banks', jsonb_build_array('support-agent-eu-1', 'user-us-2'), 'total', 300)
        WHEN action = 'webhook_delivery' THEN jsonb_build_object('status_code', 200, 'elapsed_ms', round(duration_ms::numeric, 3))
        ELSE jsonb_build_object('success', true)
    END,
    CASE WHEN r_odd < 0.2 THEN '{}'::jsonb
         ELSE jsonb_build_object('client', (ARRAY['hindsight-py/0.4.1', 'hindsight-ts/0.3.0', 'mcp-server/1.2'])[1 + g % 3],
             'ip', '10.0.' || (g % 256) || '.' || (g % 251),
             'trace_id', CASE WHEN r_odd > 0.99 THEN 12345678901234567890 + g ELSE g END)
    END
FROM placed;


-- One batch of realistic Hindsight audit rows, generated inside PostgreSQL.
-- Run by scripts/seed (which creates the table before and the indexes after).
-- psql variables:
--   schema, table   target (quoted identifiers)
--   first, rows     this batch holds global row numbers first+1 .. first+rows
--   total           rows in the whole run (places a row on the time axis)
--   days, end_ts    the time window: [end_ts - days, end_ts)
--   seeded          true: rows are reproducible (setseed, ids from random())
--   seedval         setseed() argument for this batch, in [-1, 1)
-- Rows come out in roughly ascending started_at, as Hindsight appends them.
\set ON_ERROR_STOP 1
SET client_min_messages = warning;
SET TimeZone = 'UTC';
SET synchronous_commit = off;
SET jit = off;

-- Helpers (ids, sentences, banks) shared with seed-llm.sql.
\ir seed-common.sql

-- One retained item.
CREATE FUNCTION pg_temp.item(timestamptz) RETURNS jsonb LANGUAGE sql VOLATILE AS $$
    SELECT jsonb_build_object(
        'content', pg_temp.para(1 + floor(random() * 4)::int),
        'context', pg_temp.pick('{conversation,"support ticket","slack thread","meeting transcript",email,"CRM note","onboarding call",journal}'),
        'timestamp', pg_temp.iso($1 - random() * interval '2 hours'),
        'metadata', CASE floor(random() * 50)::int
            WHEN 0 THEN jsonb_build_object('source', 'crm', 'external_id', 12345678901234567890)
            WHEN 1 THEN jsonb_build_object('source', 'import', 'row', 9007199254740993, 'confidence', 0.1000000000000000055511151231257827)
            WHEN 2 THEN '{}'::jsonb
            ELSE jsonb_build_object('source', pg_temp.pick('{chat,email,slack,zendesk,api}'), 'turn', floor(random() * 40)::int)
        END) $$;

-- One recall hit; rank i scores a little lower than rank i-1.
CREATE FUNCTION pg_temp.hit(int, timestamptz) RETURNS jsonb LANGUAGE sql VOLATILE AS $$
    SELECT jsonb_build_object(
        'id', pg_temp.uid(),
        'text', pg_temp.sentence(),
        'type', pg_temp.pick('{world,world,world,experience,experience,opinion,observation}'),
        'context', pg_temp.pick('{conversation,"support ticket",email,"meeting transcript"}'),
        'occurred_start', pg_temp.iso($2 - random() * interval '200 days'),
        'score', CASE WHEN random() < 0.01 THEN 0.1000000000000000055511151231257827
                      ELSE (0.93 - 0.07 * $1 + random() * 0.05)::float8::text::numeric END) $$;

CREATE FUNCTION pg_temp.hits(int, timestamptz) RETURNS jsonb LANGUAGE sql VOLATILE AS $$
    SELECT CASE $1
        WHEN 0 THEN '[]'::jsonb
        WHEN 1 THEN jsonb_build_array(pg_temp.hit(0, $2))
        WHEN 2 THEN jsonb_build_array(pg_temp.hit(0, $2), pg_temp.hit(1, $2))
        WHEN 3 THEN jsonb_build_array(pg_temp.hit(0, $2), pg_temp.hit(1, $2), pg_temp.hit(2, $2))
        WHEN 4 THEN jsonb_build_array(pg_temp.hit(0, $2), pg_temp.hit(1, $2), pg_temp.hit(2, $2), pg_temp.hit(3, $2))
        ELSE jsonb_build_array(pg_temp.hit(0, $2), pg_temp.hit(1, $2), pg_temp.hit(2, $2), pg_temp.hit(3, $2), pg_temp.hit(4, $2))
    END $$;

INSERT INTO :"schema".:"table" (id, action, transport, bank_id, started_at, ended_at, request, response, metadata)
SELECT
    pg_temp.uid(),
    action,
    transport,
    bank_id,
    started_at,
    CASE WHEN state = 'running' THEN NULL ELSE started_at + make_interval(secs => duration_ms / 1000.0) END,
    -- request -----------------------------------------------------------------------
    CASE action
        -- One call in 20,000 imports a whole document: 100 KB to 1 MB of JSON.
        WHEN 'retain' THEN CASE WHEN u2 > 0.99995 THEN jsonb_build_object(
            'items', jsonb_build_array(jsonb_build_object(
                'content', repeat(pg_temp.para(6) || chr(10), 200 + floor(u1 * 1800)::int),
                'context', 'document import',
                'document_id', 'doc-' || substr(md5(random()::text), 1, 12),
                'timestamp', pg_temp.iso(started_at),
                'metadata', '{"source": "import"}'::jsonb)),
            'async', true)
        ELSE jsonb_build_object(
            'items', CASE WHEN u1 < 0.75 THEN jsonb_build_array(pg_temp.item(started_at))
                          WHEN u1 < 0.93 THEN jsonb_build_array(pg_temp.item(started_at), pg_temp.item(started_at))
                          ELSE jsonb_build_array(pg_temp.item(started_at), pg_temp.item(started_at), pg_temp.item(started_at)) END,
            'async', u2 < 0.2) END
        WHEN 'recall' THEN jsonb_build_object(
            'query', pg_temp.query(),
            'max_tokens', CASE WHEN u2 < 0.7 THEN 4096 WHEN u2 < 0.9 THEN 2048 ELSE 8192 END,
            'budget', pg_temp.pick('{mid,mid,mid,low,high}'),
            'types', CASE WHEN u1 < 0.6 THEN '["world", "experience"]'::jsonb
                          WHEN u1 < 0.85 THEN '["world", "experience", "opinion"]'::jsonb
                          ELSE '["world"]'::jsonb END,
            'trace', u2 < 0.03)
        WHEN 'reflect' THEN jsonb_build_object(
            'query', pg_temp.query(),
            'budget', pg_temp.pick('{low,mid,mid,high}'),
            'context', CASE WHEN u1 < 0.4 THEN pg_temp.sentence() END)
        WHEN 'create_bank' THEN jsonb_build_object(
            'name', initcap(replace(bank_id, '-', ' ')),
            'background', pg_temp.para(2),
            'disposition', jsonb_build_object('skepticism', 1 + floor(u1 * 5)::int,
                'literalism', 1 + floor(u2 * 5)::int, 'empathy', 1 + floor(random() * 5)::int))
        WHEN 'update_bank' THEN jsonb_build_object(
            'background', pg_temp.para(1),
            'disposition', jsonb_build_object('skepticism', 1 + floor(u1 * 5)::int, 'empathy', 1 + floor(u2 * 5)::int))
        WHEN 'update_bank_config' THEN jsonb_build_object('updates', CASE WHEN u1 < 0.5
            THEN jsonb_build_object('llm_model', pg_temp.pick('{gpt-4o-mini,gpt-4.1,claude-sonnet-4,llama-3.3-70b}'),
                                    'retain_extraction_mode', pg_temp.pick('{concise,verbose}'))
            ELSE jsonb_build_object('llm_provider', 'openai', 'llm_api_key', 'sk-proj-' || md5(random()::text),
                                    'max_concurrent_retains', 1 + floor(u2 * 8)::int) END)
        WHEN 'list_memories' THEN CASE WHEN u1 < 0.5 THEN NULL ELSE jsonb_build_object(
            'limit', 100, 'offset', 100 * floor(u2 * 5)::int,
            'type', pg_temp.pick('{world,experience,opinion}'),
            'q', CASE WHEN u2 < 0.3 THEN pg_temp.query() END) END
        WHEN 'delete_memory' THEN jsonb_build_object('memory_id', pg_temp.uid())
        WHEN 'consolidation' THEN jsonb_build_object(
            'trigger', pg_temp.pick('{scheduled,scheduled,after_retain,manual}'),
            'batch_size', 50, 'pending_units', floor(u1 * 400)::int)
        WHEN 'create_webhook' THEN jsonb_build_object(
            'url', 'https://hooks.' || pg_temp.pick('{example.com,acme.io,internal.corp}') || '/hindsight/' || floor(u1 * 1000)::int,
            'event_types', '["retain.completed", "consolidation.completed"]'::jsonb,
            'secret', 'whsec_' || md5(random()::text),
            'enabled', true,
            'http_config', jsonb_build_object('timeout_seconds', 10,
                'headers', jsonb_build_object('Authorization', 'Bearer sk-' || md5(random()::text), 'X-Tenant', bank_id)))
        WHEN 'delete_webhook' THEN jsonb_build_object('webhook_id', pg_temp.uid())
        WHEN 'webhook_delivery' THEN jsonb_build_object(
            'webhook_id', pg_temp.uid(),
            'event', pg_temp.pick('{retain.completed,retain.completed,consolidation.completed}'),
            'attempt', CASE WHEN u1 < 0.9 THEN 1 WHEN u1 < 0.98 THEN 2 ELSE 3 END,
            'payload', jsonb_build_object('bank_id', bank_id, 'operation_id', pg_temp.uid(), 'status', 'completed'))
        WHEN 'create_mental_model' THEN jsonb_build_object(
            'name', pg_temp.pick('{"Customer preferences","Team structure","Open incidents","Product roadmap","Zusammenfassung Kunden"}'),
            'source_query', pg_temp.query(),
            'tags', '["auto"]'::jsonb,
            'max_tokens', 2048)
        WHEN 'refresh_mental_model' THEN jsonb_build_object('mental_model_id', pg_temp.uid())
        WHEN 'list_documents' THEN CASE WHEN u1 < 0.5 THEN NULL ELSE jsonb_build_object('limit', 50, 'offset', 0) END
        WHEN 'delete_document' THEN jsonb_build_object('document_id', 'doc-' || substr(md5(random()::text), 1, 12))
        WHEN 'clear_memories' THEN CASE WHEN u1 < 0.5 THEN NULL ELSE jsonb_build_object('type', pg_temp.pick('{world,experience,opinion}')) END
        ELSE NULL -- list_banks, get_bank, delete_bank: GET/DELETE without a body
    END,
    -- response (NULL while running and when the call failed) ----------------------------
    CASE WHEN state <> 'ok' THEN NULL ELSE CASE action
        WHEN 'retain' THEN jsonb_build_object('success', true, 'bank_id', bank_id,
            'items_count', CASE WHEN u2 > 0.99995 OR u1 < 0.75 THEN 1 WHEN u1 < 0.93 THEN 2 ELSE 3 END, 'async', u2 < 0.2 OR u2 > 0.99995)
        WHEN 'recall' THEN jsonb_build_object(
            'results', pg_temp.hits(CASE WHEN u1 < 0.05 THEN 0 ELSE 1 + floor(random() * 5)::int END, started_at),
            'trace', CASE WHEN u2 < 0.03 THEN jsonb_build_object('duration_ms', round(duration_ms::numeric, 3)) END)
        WHEN 'reflect' THEN jsonb_build_object(
            'text', 'Based on what I remember: ' || pg_temp.para(2 + floor(u1 * 4)::int),
            'based_on', jsonb_build_array(pg_temp.uid(), pg_temp.uid()))
        WHEN 'create_bank' THEN jsonb_build_object('bank_id', bank_id, 'name', initcap(replace(bank_id, '-', ' ')),
            'disposition', jsonb_build_object('skepticism', 1 + floor(u1 * 5)::int, 'literalism', 1 + floor(u2 * 5)::int, 'empathy', 3),
            'created_at', pg_temp.iso(started_at))
        WHEN 'get_bank' THEN jsonb_build_object('bank_id', bank_id, 'name', initcap(replace(bank_id, '-', ' ')),
            'background', pg_temp.sentence(),
            'disposition', jsonb_build_object('skepticism', 3, 'literalism', 3, 'empathy', 3),
            'memory_count', floor(u1 * 50000)::int)
        WHEN 'update_bank' THEN jsonb_build_object('bank_id', bank_id, 'updated_at', pg_temp.iso(started_at))
        WHEN 'list_banks' THEN jsonb_build_object('banks', jsonb_build_array(
            jsonb_build_object('bank_id', 'support-agent-eu', 'name', 'Support Agent EU'),
            jsonb_build_object('bank_id', 'sales-copilot', 'name', 'Sales Copilot'),
            jsonb_build_object('bank_id', 'café-ü-日本', 'name', 'Café Ü 日本')), 'total', 300)
        WHEN 'list_memories' THEN jsonb_build_object('items', jsonb_build_array(
                jsonb_build_object('id', pg_temp.uid(), 'text', pg_temp.sentence(), 'fact_type', 'world', 'date', pg_temp.iso(started_at - interval '3 days')),
                jsonb_build_object('id', pg_temp.uid(), 'text', pg_temp.sentence(), 'fact_type', 'experience', 'date', pg_temp.iso(started_at - interval '9 days'))),
            'total', floor(u1 * 20000)::int, 'limit', 100, 'offset', 0)
        WHEN 'consolidation' THEN jsonb_build_object('processed', floor(u1 * 400)::int,
            'merged', floor(u1 * u2 * 60)::int, 'observations_created', floor(u2 * 12)::int)
        WHEN 'create_webhook' THEN jsonb_build_object('id', pg_temp.uid(), 'enabled', true,
            'event_types', '["retain.completed", "consolidation.completed"]'::jsonb, 'created_at', pg_temp.iso(started_at))
        WHEN 'webhook_delivery' THEN jsonb_build_object(
            'status_code', CASE WHEN u2 < 0.95 THEN 200 WHEN u2 < 0.98 THEN 500 ELSE 404 END,
            'response_time_ms', round(duration_ms::numeric, 3))
        WHEN 'create_mental_model' THEN jsonb_build_object('id', pg_temp.uid(), 'status', 'pending', 'operation_id', pg_temp.uid())
        WHEN 'refresh_mental_model' THEN jsonb_build_object('operation_id', pg_temp.uid(), 'status', 'queued')
        WHEN 'list_documents' THEN jsonb_build_object('items', jsonb_build_array(
                jsonb_build_object('id', 'doc-' || substr(md5(random()::text), 1, 12), 'memory_unit_count', floor(u1 * 40)::int,
                                   'created_at', pg_temp.iso(started_at - interval '20 days'))),
            'total', 1 + floor(u2 * 300)::int)
        WHEN 'delete_document' THEN jsonb_build_object('success', true, 'memory_units_deleted', floor(u1 * 40)::int)
        WHEN 'clear_memories' THEN jsonb_build_object('success', true, 'deleted_count', floor(u1 * 5000)::int)
        WHEN 'delete_bank' THEN jsonb_build_object('success', true, 'message', 'Bank ' || bank_id || ' deleted')
        ELSE jsonb_build_object('success', true) -- delete_memory, delete_webhook
    END END,
    -- metadata ----------------------------------------------------------------------------
    CASE
        WHEN u3 < 0.12 THEN '{}'::jsonb
        WHEN transport = 'system' THEN jsonb_build_object('worker', 'worker-' || floor(u3 * 4)::int,
            'duration_ms', CASE WHEN state <> 'running' THEN round(duration_ms) END)
        ELSE jsonb_build_object(
            'client', CASE WHEN transport = 'mcp'
                THEN pg_temp.pick('{claude-desktop/0.10.3,cursor/1.2.4,mcp-inspector/0.14.0,claude-code/1.0.51}')
                ELSE pg_temp.pick('{hindsight-py/0.4.1,hindsight-py/0.4.1,hindsight-py/0.3.9,hindsight-ts/0.2.0,curl/7.88.1}') END,
            'ip', '10.0.' || floor(u3 * 40)::int || '.' || (1 + floor(u2 * 250)::int),
            'duration_ms', CASE WHEN state <> 'running' THEN round(duration_ms) END,
            'request_id', CASE WHEN u3 > 0.995 THEN 12345678901234567890 ELSE floor(u3 * 1e9)::bigint END)
    END
FROM (
    SELECT r.*,
        CASE
            WHEN a IN ('consolidation', 'webhook_delivery') THEN 'system'
            WHEN a IN ('refresh_mental_model', 'clear_memories') AND ut < 0.5 THEN 'system'
            WHEN ut < 0.65 THEN 'http' ELSE 'mcp'
        END AS transport,
        CASE WHEN a = 'list_banks' OR ub < 0.005 THEN NULL
             ELSE (pg_temp.banks())[least(300, floor(exp(uz * ln(301)))::int)] END AS bank_id,
        -- Day from the row's place in the run (a slow growth towards --end); time of day
        -- from 30% uniform plus 70% normal around 13:30 UTC (sd 3 h): busy working hours.
        :'end_ts'::timestamptz - (:days || ' days')::interval
            + floor(:days * power(pos, 0.85)) * interval '1 day'
            + make_interval(secs => (((CASE WHEN uh < 0.3 THEN 86400 * uh2 ELSE 48600 + 10800 * nh END
                - extract(epoch FROM (:'end_ts'::timestamptz)::time)) :: numeric % 86400 + 86400) % 86400)::float8)
            AS started_at,
        -- Log-normal durations around a typical time per action, in milliseconds.
        1 + (CASE a WHEN 'retain' THEN 900 WHEN 'recall' THEN 180 WHEN 'reflect' THEN 4500
                    WHEN 'consolidation' THEN 6000 WHEN 'refresh_mental_model' THEN 7000
                    WHEN 'create_mental_model' THEN 300 WHEN 'webhook_delivery' THEN 250
                    WHEN 'clear_memories' THEN 1500 WHEN 'get_bank' THEN 12 ELSE 35 END)
            * exp(CASE WHEN a = 'consolidation' THEN 1.1 ELSE 0.85 END * nd) AS duration_ms,
        CASE WHEN us < 0.005 THEN 'running' WHEN us < 0.025 THEN 'failed' ELSE 'ok' END AS state,
        a AS action
    FROM (
        SELECT g,
            (g - 1 + random()) / :total AS pos,
            CASE
                WHEN ua < 0.380 THEN 'retain'
                WHEN ua < 0.680 THEN 'recall'
                WHEN ua < 0.740 THEN 'reflect'
                WHEN ua < 0.780 THEN 'consolidation'
                WHEN ua < 0.805 THEN 'webhook_delivery'
                WHEN ua < 0.840 THEN 'list_memories'
                WHEN ua < 0.870 THEN 'get_bank'
                WHEN ua < 0.895 THEN 'list_banks'
                WHEN ua < 0.920 THEN 'list_documents'
                WHEN ua < 0.932 THEN 'update_bank_config'
                WHEN ua < 0.944 THEN 'refresh_mental_model'
                WHEN ua < 0.954 THEN 'create_bank'
                WHEN ua < 0.964 THEN 'update_bank'
                WHEN ua < 0.974 THEN 'delete_memory'
                WHEN ua < 0.982 THEN 'create_mental_model'
                WHEN ua < 0.989 THEN 'delete_document'
                WHEN ua < 0.993 THEN 'create_webhook'
                WHEN ua < 0.996 THEN 'delete_webhook'
                WHEN ua < 0.998 THEN 'delete_bank'
                ELSE 'clear_memories'
            END AS a,
            random() AS ut, random() AS ub, random() AS uz, random() AS uh, random() AS uh2,
            sqrt(-2 * ln(1 - random())) * cos(2 * pi() * random()) AS nh,
            sqrt(-2 * ln(1 - random())) * cos(2 * pi() * random()) AS nd,
            random() AS us, random() AS u1, random() AS u2, random() AS u3
        FROM (SELECT g, random() AS ua FROM generate_series(:first + 1, :first + :rows) g OFFSET 0) s
        OFFSET 0
    ) r
    OFFSET 0
) t;

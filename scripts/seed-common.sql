-- Helpers shared by the seed scripts (seed.sql for audit_log, seed-llm.sql for llm_requests):
-- ids, picks, ISO times, the sentences and questions people give a memory bank, and the
-- 300 banks. Included with \ir; uses the psql variables seeded and seedval.

-- Helpers live in pg_temp: they vanish with the session and leave nothing behind.
-- The small ones are inlined by the planner (single-expression SQL functions).

\if :seeded
SELECT setseed(:seedval);
CREATE FUNCTION pg_temp.uid() RETURNS uuid LANGUAGE sql VOLATILE
    AS $$ SELECT md5(random()::text || random()::text)::uuid $$;
\else
CREATE FUNCTION pg_temp.uid() RETURNS uuid LANGUAGE sql VOLATILE
    AS $$ SELECT gen_random_uuid() $$;
\endif

CREATE FUNCTION pg_temp.pick(text[]) RETURNS text LANGUAGE sql VOLATILE
    AS $$ SELECT $1[1 + floor(random() * cardinality($1))::int] $$;

CREATE FUNCTION pg_temp.iso(timestamptz) RETURNS text LANGUAGE sql STABLE
    AS $$ SELECT to_char($1, 'YYYY-MM-DD"T"HH24:MI:SS.US"+00:00"') $$;

-- Things people tell a memory bank (some unicode, quotes, newlines, a bidi override).
CREATE FUNCTION pg_temp.sentence() RETURNS text LANGUAGE sql VOLATILE AS $$ SELECT (ARRAY[
    'Alice prefers window seats on long-haul flights and always books them early.',
    'The Friday deployment failed because the database migration 0042 was missing.',
    'Bob is allergic to peanuts; keep that in mind when ordering lunch for the team.',
    'Quarterly revenue grew 12% over the previous quarter, mostly from the EU region.',
    'The customer asked to move the onboarding call to Tuesday at 10:00 CET.',
    'Ticket #4521: users get a login loop after resetting their password on mobile.',
    'She said: "I don''t want any more marketing emails, only invoices."',
    'Der Kunde bevorzugt Antworten auf Deutsch und möchte keine Anrufe vor 9 Uhr.',
    'Le client a confirmé le rendez-vous à 14h30 au siège de Lyon.',
    'ユーザーは日本語でのサポートを希望しており、メールでの連絡を好みます。',
    'Клиент просил перезвонить после обеда и уточнить сроки поставки.',
    'العميل يفضل التواصل عبر البريد الإلكتروني بدلاً من الهاتف.',
    'Deployment went fine 🚀 — the new cache cut p95 latency from 480 ms to 95 ms.',
    'The API key for the staging environment was rotated on 2026-03-01.',
    'Prefers dark mode, uses vim keybindings and hates auto-formatting on save.',
    'Meeting notes:' || chr(10) || '- ship v2 behind a feature flag' || chr(10) || '- review costs in April',
    'Carol moved from the Berlin office to the Lisbon office in January.',
    'The nightly import job processes about 1.2 million rows and takes 40 minutes.',
    'Customer tier is Enterprise; the contract renews on 30 June and includes 24/7 support.',
    'User reports timeouts when uploading files larger than 2 GB through the web UI.',
    'Dave''s favourite restaurant is the ramen place on Rue Saint-Denis.',
    'The billing service retries failed charges three times with exponential backoff.',
    'Eve asked us to never store her phone number; use email only.',
    'The team decided to use PostgreSQL 16 for the new analytics cluster.',
    'Support agent note: refund of €49.90 approved for order 778-2231.',
    'Frank is learning Spanish and wants summaries in simple Spanish when possible.',
    'El usuario pidió que las respuestas sean breves y en español.',
    'The on-call rotation changes every Monday at 09:00 UTC.',
    'Invoice 2026-0193 was paid twice; the duplicate was refunded on 12 March.',
    'Grace mentioned she is vegetarian and does not drink coffee after noon.',
    'Path on the shared drive: C:\Projects\Q3\report_final_v2.xlsx',
    'Tabs	inside	text and a trailing backslash \',
    'Attachment name looked like report' || chr(8238) || 'fdp.exe — flagged as suspicious.',
    'The model should cite at most three sources per answer.',
    'Heinrich works remotely from Graz and is online between 07:00 and 15:00.',
    'The warehouse in Rotterdam closes for inventory on the last Friday of each month.',
    'Our SLA promises a first response within 4 business hours.',
    'Ivan prefers metric units and 24-hour time.',
    'The Kubernetes cluster was upgraded to 1.30 without downtime.',
    'Judy owns the data-retention policy and must approve any schema change.'
])[1 + floor(random() * 40)::int] $$;

CREATE FUNCTION pg_temp.query() RETURNS text LANGUAGE sql VOLATILE AS $$ SELECT (ARRAY[
    'What does Alice prefer when flying?', 'Why did the Friday deployment fail?',
    'Which allergies should we know about?', 'How did revenue develop last quarter?',
    'When is the onboarding call?', 'What is the status of ticket #4521?',
    'Which language does the customer prefer?', 'Wie möchte der Kunde kontaktiert werden?',
    'お客様の希望する連絡方法は？', 'What did we decide about the analytics database?',
    'Who approves schema changes?', 'What are the support hours in the SLA?',
    'Where does Carol work now?', 'What happened with invoice 2026-0193?',
    'What should I avoid ordering for Grace?', 'When does the on-call rotation change?',
    'What are the user''s formatting preferences?', 'Summarize everything about the EU customers',
    'What do we know about the "billing" service?', '¿Qué prefiere el usuario?',
    'Which refunds were approved this month?', 'How long does the nightly import take?',
    'What is 50% of the remaining budget?', 'Find notes mentioning C:\Projects'
])[1 + floor(random() * 24)::int] $$;

-- Several sentences: the bulk of a payload.
CREATE FUNCTION pg_temp.para(int) RETURNS text LANGUAGE sql VOLATILE AS $$
    SELECT array_to_string((ARRAY[pg_temp.sentence(), pg_temp.sentence(), pg_temp.sentence(),
                                  pg_temp.sentence(), pg_temp.sentence(), pg_temp.sentence()])[1:$1], ' ') $$;

-- 300 banks, busiest first: realistic names, a few with %, _, ', \ and non-ASCII.
-- IMMUTABLE without arguments: the planner evaluates it once, to a constant.
CREATE FUNCTION pg_temp.banks() RETURNS text[] LANGUAGE sql IMMUTABLE AS $$
    SELECT array_agg(CASE
            WHEN i <= 24 THEN (ARRAY['support-agent-eu', 'support-agent-us', 'sales-copilot', 'user-42-notes',
                'café-ü-日本', 'research-assistant', 'onboarding-bot', 'user-7-notes', 'helpdesk-apac',
                'ops-runbooks', '100%-uptime-team', 'legal-review', 'user_1138_notes', 'hr-policies',
                'product-feedback', 'o''brien-family', 'dev-docs-assistant', 'finance-close',
                'C:\agents\desk', 'marketing-brainstorm', 'user-1001-notes', 'travel-planner',
                'customer-success-emea', 'kb-internal'])[i]
            WHEN i % 3 = 0 THEN 'user-' || (i * 37 % 9000 + 100) || '-notes'
            WHEN i % 3 = 1 THEN (ARRAY['support-agent', 'tenant', 'assistant', 'team', 'project'])[1 + i % 5]
                                || '-' || (ARRAY['eu', 'us', 'apac', 'latam'])[1 + i % 4] || '-' || lpad(i::text, 3, '0')
            ELSE 'bank-' || lpad(i::text, 4, '0')
        END ORDER BY i)
    FROM generate_series(1, 300) i $$;

#include "keysetpager.h"

#include "auditworker.h"

KeysetPager::KeysetPager(QObject *parent)
    : QObject(parent)
    , m_pageWorker(new AuditWorker(this))
    , m_countWorker(new AuditWorker(this))
    , m_page(m_pageWorker) // a newer move cancels the one still running: its answer would be stale
    , m_estimate(m_countWorker)
    , m_exact(m_countWorker)
{
    connect(m_pageWorker, &AuditWorker::connected, this,
        [this](quint64 id, const ConnectionInfo &info) {
            if (m_connect.take(id)) {
                m_connected = true;
                setLoading(false);
                emit connected(info);
            }
        });
    connect(m_pageWorker, &AuditWorker::queryFailed, this, &KeysetPager::onPageFailed);
    connect(m_countWorker, &AuditWorker::queryFailed, this,
        [this](quint64 id, const QueryError &error) {
            if (error.kind != QueryError::Kind::Cancelled && m_exact.take(id)) {
                m_exactCountQueued = false;
                emit countFailed(error);
            }
        });
}

void KeysetPager::connectTo(const ConnectionSettings &settings)
{
    cancel();
    m_connected = false;
    setLoading(true, tr("Connecting…"));
    m_connect.start(m_pageWorker->connectTo(settings));
    m_countWorker->connectTo(settings);
}

void KeysetPager::restart()
{
    if (!m_connected) {
        return;
    }
    m_navigator.forgetPosition();
    m_total.reset();
    recount();
    move(PageNavigator::Move::First);
}

void KeysetPager::setPageSize(int size)
{
    m_navigator.setPageSize(size);
    if (m_connected) {
        move(PageNavigator::Move::First);
    }
}

QString KeysetPager::loadingText(const PageNavigator::Request & /*request*/) const
{
    return tr("Loading…");
}

void KeysetPager::move(PageNavigator::Move move, bool quiet)
{
    if (!m_connected) {
        return;
    }
    m_pending = m_navigator.request(move);
    m_pendingQuiet = quiet;
    m_timer.start();
    m_page.start(requestPage(m_pending));
    if (!quiet) {
        setLoading(true, loadingText(m_pending));
    }
}

void KeysetPager::recount()
{
    m_exactCountQueued = false;
    startEstimate();
    m_exact.start(requestCount(true));
    emit countChanged();
}

void KeysetPager::startEstimate()
{
    m_totalExact = false;
    m_countedAt = AuditTimestamp::fromDateTime(QDateTime::currentDateTimeUtc());
    m_estimate.start(requestCount(false));
}

void KeysetPager::recountLive()
{
    if (!m_connected) {
        return;
    }
    if (!m_exact.isPending()) {
        recount();
        return;
    }
    startEstimate();
    m_exactCountQueued = true;
}

void KeysetPager::retry()
{
    move(m_failedMove.value_or(PageNavigator::Move::Reload));
    recount();
}

void KeysetPager::cancel()
{
    for (LatestRequest *request : { &m_page, &m_estimate, &m_exact }) {
        request->abandon();
    }
    m_exactCountQueued = false;
    setLoading(false);
}

void KeysetPager::pageTaken(qint64 elapsedMs)
{
    m_failedMove.reset();
    setLoading(false);
    emit pageShown(elapsedMs, m_pendingQuiet);
}

void KeysetPager::onPageFailed(quint64 requestId, const QueryError &error)
{
    if (!m_connected && m_connect.take(requestId)) {
        setLoading(false);
        emit connectionFailed(error);
        return;
    }
    if (!m_page.take(requestId)) {
        return;
    }
    setLoading(false);
    // The last good page stays; retry() repeats the move that failed.
    if (error.kind != QueryError::Kind::Cancelled) {
        m_failedMove = m_pending.move;
    }
    emit pageFailed(error);
}

void KeysetPager::takeCount(quint64 requestId, qint64 count, bool exact)
{
    if (m_estimate.take(requestId)) {
        if (m_totalExact) {
            return; // the exact count came first
        }
    } else if (m_exact.take(requestId)) {
        if (m_exactCountQueued) {
            m_exactCountQueued = false;
            m_exact.start(requestCount(true));
        }
    } else {
        return;
    }
    m_total = count;
    m_totalExact = exact;
    emit countChanged();
}

void KeysetPager::setLoading(bool loading, const QString &what)
{
    emit loadingChanged(loading, what);
}

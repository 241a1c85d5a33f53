// The server's counters over time, for the Activity pane's charts.
#include "core/activity/activity.h"

#include "core/pg/connection.h"

namespace statescope::activity {

Sample Activity::sample(pg::Connection &conn)
{
    const auto r = conn.exec(QStringLiteral(
        "SELECT (SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'client backend'), "
        "coalesce(sum(xact_commit + xact_rollback), 0)::bigint, coalesce(sum(blks_hit), 0)::bigint, "
        "coalesce(sum(blks_read), 0)::bigint, "
        "CASE WHEN pg_is_in_recovery() THEN extract(epoch FROM clock_timestamp() - pg_last_xact_replay_timestamp()) "
        // A standby that has caught up and idles reports no replay_lag: no lag, not no standby.
        "ELSE (SELECT CASE WHEN count(*) > 0 THEN coalesce(extract(epoch FROM max(replay_lag)), 0) END "
        "FROM pg_stat_replication) END::float8 "
        "FROM pg_stat_database"));
    Sample s;
    s.at = QDateTime::currentDateTimeUtc();
    s.connections = r.toInt(0, 0);
    s.transactions = r.toLongLong(0, 1);
    s.blocksHit = r.toLongLong(0, 2);
    s.blocksRead = r.toLongLong(0, 3);
    if (!r.isNull(0, 4))
        s.lagSeconds = r.value(0, 4).toDouble();
    return s;
}

void SampleHistory::add(const Sample &s)
{
    m_samples << s;
    while (m_samples.size() > m_capacity)
        m_samples.removeFirst();
}

SampleHistory::Points SampleHistory::connections() const
{
    Points out;
    for (const Sample &s : m_samples)
        out << qMakePair(s.at, double(s.connections));
    return out;
}

SampleHistory::Points SampleHistory::transactionsPerSecond() const
{
    Points out;
    for (int i = 1; i < m_samples.size(); ++i) {
        const Sample &a = m_samples[i - 1], &b = m_samples[i];
        const double seconds = a.at.msecsTo(b.at) / 1000.0;
        if (seconds > 0 && b.transactions >= a.transactions)
            out << qMakePair(b.at, double(b.transactions - a.transactions) / seconds);
    }
    return out;
}

SampleHistory::Points SampleHistory::cacheHitRatio() const
{
    Points out;
    for (int i = 1; i < m_samples.size(); ++i) {
        const Sample &a = m_samples[i - 1], &b = m_samples[i];
        const qint64 hit = b.blocksHit - a.blocksHit, read = b.blocksRead - a.blocksRead;
        if (hit >= 0 && read >= 0 && hit + read > 0)
            out << qMakePair(b.at, double(hit) / double(hit + read));
    }
    return out;
}

SampleHistory::Points SampleHistory::replicationLag() const
{
    Points out;
    for (const Sample &s : m_samples)
        if (s.lagSeconds)
            out << qMakePair(s.at, *s.lagSeconds);
    return out;
}

QString SampleHistory::csv() const
{
    QString out = QStringLiteral("at,connections,transactions_per_second,cache_hit_ratio,replication_lag_seconds\n");
    const Points tps = transactionsPerSecond(), hit = cacheHitRatio();
    auto at = [](const Points &p, const QDateTime &t) {
        for (const auto &x : p)
            if (x.first == t)
                return QString::number(x.second, 'g', 10);
        return QString();
    };
    for (const Sample &s : m_samples)
        out += QStringLiteral("%1,%2,%3,%4,%5\n")
                   .arg(s.at.toString(Qt::ISODateWithMs), QString::number(s.connections), at(tps, s.at), at(hit, s.at),
                        s.lagSeconds ? QString::number(*s.lagSeconds, 'g', 10) : QString());
    return out;
}

} // namespace statescope::activity

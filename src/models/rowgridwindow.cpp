// The row grid's window (rowgridmodel.h): a fetch's rows put in place (the count and the rows
// told to the view), the window kept to kWindow rows, and what the view asked for fetched next.
#include "models/rowgridmodel.h"
#include "models/rowgridmodel_p.h"

#include <algorithm>
#include <climits>

namespace statescope::models {

void RowGridModel::apply(const Fetch &f, const Ready &r)
{
    auto exactAt = [this](int rows) {
        m_rowCount = rows;
        m_count = rows;
        m_exact = true;
    };
    switch (f.kind) {
    case Fetch::Kind::Open: {
        beginResetModel();
        m_open = true;
        m_details = r.details;
        m_keyed = r.keyed;
        m_columns = r.columns;
        m_types = r.types;
        m_rows = r.rows;
        m_base = 0;
        m_placesExact = true;
        m_shift = 0;
        const int got = int(m_rows.size());
        const bool all = got <= kPage || r.cursorTotal.has_value();
        if (got > kPage)
            m_rows.resize(kPage);
        if (all && got <= kPage) {
            exactAt(got);
        } else if (r.cursorTotal) {
            exactAt(int(std::min<qint64>(*r.cursorTotal, INT_MAX / 2)));
        } else {
            m_count = std::max<qint64>(r.estimate, got);
            m_exact = false;
            // A query's count is not known until its end: rows appear as they are read.
            // The planner's estimate when there is one (reading on past it extends the
            // count; the end makes it exact); a query's rows appear as they are read.
            m_rowCount = r.estimate > 0 ? int(std::clamp<qint64>(r.estimate, got, INT_MAX / 2))
                                        : got + kPage;
        }
        endResetModel();
        emit countChanged(m_count, m_exact);
        emit opened();
        return;
    }
    case Fetch::Kind::Count:
        m_count = r.exactCount;
        m_exact = true;
        if (m_keyed && m_count != m_rowCount) {
            beginResetModel();
            m_rowCount = int(std::min<qint64>(m_count, INT_MAX / 2));
            m_base = std::min(m_base, std::max(0, m_rowCount - int(m_rows.size())));
            endResetModel();
        }
        emit countChanged(m_count, true);
        return;
    case Fetch::Kind::Locate: {
        // Still the row counted to (the window may have moved on: then it is asked again
        // when the window lands somewhere by estimate again).
        const browse::Row *row = rowAt(f.target);
        if (m_placesExact || !row || row->key != f.from->key || row->sortValue != f.from->sortValue)
            return;
        m_shift = int(std::min<qint64>(r.before, INT_MAX / 2)) - f.target;
        m_placesExact = true;
        emit headerDataChanged(Qt::Vertical, 0, std::max(0, m_rowCount - 1));
        return;
    }
    case Fetch::Kind::Near:
        if (r.nearFailed) {
            // No histogram: walk forward from what is loaded instead.
            Fetch next;
            next.kind = m_rows.empty() ? Fetch::Kind::Start : Fetch::Kind::Forward;
            next.generation = m_generation;
            if (!m_rows.empty())
                next.from = browse::Position{m_rows.back().sortValue, m_rows.back().key};
            next.limit = kPage * 4;
            submit(next);
            return;
        }
        [[fallthrough]];
    default:
        break;
    }
    const int got = int(r.rows.size());
    // The rows move in memory, not in the view: the count changes at the end (inserted or
    // removed rows), and the rows shown are told to repaint. No reset: the view keeps its
    // place and selection, and asks again only for what it shows.
    int count = m_rowCount;
    auto exactCount = [&](int rows) {
        count = rows;
        m_count = rows;
        m_exact = true;
    };
    switch (f.kind) {
    case Fetch::Kind::Start:
        m_rows = r.rows;
        m_base = 0;
        m_placesExact = true;
        m_shift = 0;
        if (got < f.limit)
            exactCount(got);
        break;
    case Fetch::Kind::Forward:
        m_rows.insert(m_rows.end(), r.rows.begin(), r.rows.end());
        if (got < f.limit)
            exactCount(m_base + int(m_rows.size()));
        else
            count = std::max(count, m_base + int(m_rows.size()) + (m_exact ? 0 : kPage));
        trim(true);
        break;
    case Fetch::Kind::Backward:
        m_rows.insert(m_rows.begin(), r.rows.begin(), r.rows.end());
        m_base -= got;
        if (got < f.limit || m_base < 0) {
            // The top is reached: positions were estimates; now they are exact from 0.
            const int shift = -m_base;
            m_base = 0;
            if (!m_exact)
                count += shift;
            m_placesExact = true;
            m_shift = 0;
        }
        trim(false);
        break;
    case Fetch::Kind::End:
        m_rows = r.rows;
        m_shift = 0;
        if (got < f.limit) {
            m_base = 0;
            exactCount(got);
            m_placesExact = true;
        } else {
            m_base = std::max(0, count - got);
            // Counted from the end: exact when the count is.
            m_placesExact = m_exact && qint64(count) == m_count;
        }
        break;
    case Fetch::Kind::Near:
        m_rows = r.rows;
        m_base = std::clamp(f.target, 0, std::max(0, count - got));
        m_placesExact = false; // by the planner's histogram
        m_shift = 0;
        break;
    case Fetch::Kind::Range:
        m_rows = r.rows;
        m_base = f.target; // a cursor moves to an absolute place: exact
        m_placesExact = true;
        m_shift = 0;
        if (r.cursorTotal)
            exactCount(int(std::min<qint64>(*r.cursorTotal, INT_MAX / 2)));
        else
            count = std::max(count, m_base + got + kPage);
        break;
    default:
        break;
    }
    if (count > m_rowCount) {
        beginInsertRows({}, m_rowCount, count - 1);
        m_rowCount = count;
        endInsertRows();
    } else if (count < m_rowCount) {
        beginRemoveRows({}, count, m_rowCount - 1);
        m_rowCount = count;
        endRemoveRows();
    }
    // The rows that now hold data; those that left the window are off screen.
    const int last = std::min(m_rowCount, m_base + int(m_rows.size())) - 1;
    if (last >= m_base && !m_columns.isEmpty())
        emit dataChanged(index(m_base, 0), index(last, int(m_columns.size()) - 1));
    if (m_rowCount > 0)
        emit headerDataChanged(Qt::Vertical, 0, m_rowCount - 1); // exact or "≈" now
    emit countChanged(m_count, m_exact);
    if (f.kind == Fetch::Kind::Near || f.kind == Fetch::Kind::End)
        locate();
}

void RowGridModel::trim(bool keepEnd)
{
    const int excess = int(m_rows.size()) - kWindow;
    if (excess <= 0)
        return;
    if (keepEnd) {
        m_rows.erase(m_rows.begin(), m_rows.begin() + excess);
        m_base += excess;
    } else {
        m_rows.resize(size_t(kWindow));
    }
}

void RowGridModel::fetchMissing()
{
    if (m_inFlight || m_missLo < 0 || !m_open)
        return;
    // The two ends of what was asked for, served one at a time (a view far away and one
    // nearby must not become one page spanning both); the other waits for the next round.
    std::vector<int> pending;
    for (int r : {m_missLo, m_missHi})
        if (!rowAt(r) && (pending.empty() || pending.front() != r))
            pending.push_back(r);
    m_missLo = m_missHi = -1;
    if (pending.empty())
        return;
    const int miss = pending.front();
    if (pending.size() > 1)
        m_missLo = m_missHi = pending[1];
    const int end = m_base + int(m_rows.size());
    Fetch f;
    f.generation = m_generation;
    f.limit = kPage;
    if (!m_keyed) {
        // A cursor reads any window again: on from its end, or around what is asked for.
        f.kind = Fetch::Kind::Range;
        f.target = miss >= end && miss < end + kPage ? end : std::max(0, miss - kPage / 2);
        f.limit = kPage * 2;
    } else if (!m_rows.empty() && miss >= end && miss < end + 2 * kPage) {
        f.kind = Fetch::Kind::Forward;
        f.from = browse::Position{m_rows.back().sortValue, m_rows.back().key};
        f.limit = std::max(kPage, miss - end + 1);
    } else if (!m_rows.empty() && miss < m_base && miss >= m_base - 2 * kPage) {
        f.kind = Fetch::Kind::Backward;
        f.from = browse::Position{m_rows.front().sortValue, m_rows.front().key};
        f.limit = std::max(kPage, m_base - miss);
    } else if (miss < kPage) {
        f.kind = Fetch::Kind::Start;
    } else if (miss >= m_rowCount - kPage) {
        f.kind = Fetch::Kind::End;
    } else {
        f.kind = Fetch::Kind::Near;
        f.target = miss;
        f.fraction = m_rowCount > 0 ? double(miss) / m_rowCount : 0;
    }
    submit(f);
}

} // namespace statescope::models

#pragma once

#include <algorithm>

namespace statescope::collect {

// A token bucket: `capacity` requests at once, refilled at `perSecond`. Times are seconds
// on any monotonic clock the caller keeps (tests pass their own).
class TokenBucket
{
public:
    TokenBucket(double capacity, double perSecond, double now)
        : m_capacity(capacity), m_rate(perSecond), m_tokens(capacity), m_at(now)
    {
    }

    // Seconds to wait before a request may go (0: now).
    double wait(double now)
    {
        refill(now);
        return m_tokens >= 1 ? 0 : (1 - m_tokens) / m_rate;
    }
    // Takes one token; call when wait() said 0.
    void take(double now)
    {
        refill(now);
        m_tokens -= 1;
    }
    // The server said to back off (429): no tokens until then.
    void drain(double now)
    {
        refill(now);
        m_tokens = std::min(m_tokens, 0.0);
    }
    double tokens(double now)
    {
        refill(now);
        return m_tokens;
    }
    double capacity() const { return m_capacity; }
    double rate() const { return m_rate; }

private:
    void refill(double now)
    {
        if (now > m_at)
            m_tokens = std::min(m_capacity, m_tokens + (now - m_at) * m_rate);
        m_at = std::max(m_at, now);
    }

    double m_capacity;
    double m_rate;
    double m_tokens;
    double m_at;
};

} // namespace statescope::collect

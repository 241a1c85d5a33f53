#include "random.h"

namespace statescope::demo {

namespace {

std::uint64_t rotl(std::uint64_t x, int k)
{
    return (x << k) | (x >> (64 - k));
}

// FNV-1a, to turn a stream name into seed material.
std::uint64_t fnv1a(std::string_view text)
{
    std::uint64_t h = 0xcbf29ce484222325ULL;
    for (unsigned char c : text) {
        h ^= c;
        h *= 0x100000001b3ULL;
    }
    return h;
}

} // namespace

std::uint64_t Random::scramble(std::uint64_t z)
{
    // Each step (xor with a right shift, multiplication by an odd constant) can be undone,
    // so the whole is a bijection.
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

std::uint64_t Random::splitMix64(std::uint64_t &state)
{
    return scramble(state += 0x9e3779b97f4a7c15ULL);
}

Random::Random(std::uint64_t seed)
{
    // The xoshiro authors' recommended seeding: four SplitMix64 outputs, which are never
    // all zero for any seed.
    std::uint64_t state = seed;
    for (std::uint64_t &s : m_s)
        s = splitMix64(state);
}

Random Random::stream(std::uint64_t seed, std::string_view name)
{
    std::uint64_t state = seed ^ fnv1a(name);
    return Random(splitMix64(state));
}

std::uint64_t Random::next()
{
    // xoshiro256** 1.0 (Blackman & Vigna).
    const std::uint64_t result = rotl(m_s[1] * 5, 7) * 9;
    const std::uint64_t t = m_s[1] << 17;
    m_s[2] ^= m_s[0];
    m_s[3] ^= m_s[1];
    m_s[1] ^= m_s[2];
    m_s[0] ^= m_s[3];
    m_s[2] ^= t;
    m_s[3] = rotl(m_s[3], 45);
    return result;
}

std::int64_t Random::uniformInt64(std::int64_t lo, std::int64_t hi)
{
    if (hi <= lo)
        return lo;
    const std::uint64_t range = std::uint64_t(hi) - std::uint64_t(lo) + 1;
    if (range == 0) // the whole 64-bit range
        return std::int64_t(next());
    // Reject the few values at the bottom that would make "r % range" favour small
    // results: threshold = 2^64 mod range, and [threshold, 2^64) holds a whole number
    // of copies of [0, range).
    const std::uint64_t threshold = (0 - range) % range;
    for (;;) {
        const std::uint64_t r = next();
        if (r >= threshold)
            return std::int64_t(std::uint64_t(lo) + r % range);
    }
}

double Random::uniformDouble()
{
    // The top 53 bits scaled by 2^-53: every step is exact.
    return double(next() >> 11) * 0x1.0p-53;
}

double Random::uniformDouble(double lo, double hi)
{
    // Two statements on purpose: a compiler may fuse "lo + span * u" into one FMA
    // instruction on some targets (changing the rounding), but never across statements
    // under the default ISO floating-point contraction rules.
    const double scaled = (hi - lo) * uniformDouble();
    return lo + scaled;
}

std::size_t Random::weighted(const std::vector<int> &weights)
{
    std::int64_t total = 0;
    for (int w : weights)
        total += w > 0 ? w : 0;
    std::int64_t r = uniformInt64(0, total - 1);
    for (std::size_t i = 0; i < weights.size(); ++i) {
        if (weights[i] <= 0)
            continue;
        if (r < weights[i])
            return i;
        r -= weights[i];
    }
    return weights.size() - 1;
}

QString Random::uuid()
{
    const std::uint64_t hi = next();
    const std::uint64_t lo = next();
    char bytes[16];
    for (int i = 0; i < 8; ++i) {
        bytes[i] = char((hi >> (56 - 8 * i)) & 0xff);
        bytes[8 + i] = char((lo >> (56 - 8 * i)) & 0xff);
    }
    bytes[6] = char((bytes[6] & 0x0f) | 0x40); // version 4
    bytes[8] = char((bytes[8] & 0x3f) | 0x80); // variant 10xx (RFC 4122)
    const QByteArray h = QByteArray(bytes, 16).toHex();
    return QString::fromLatin1(h.left(8) + '-' + h.mid(8, 4) + '-' + h.mid(12, 4) + '-' +
                               h.mid(16, 4) + '-' + h.mid(20));
}

} // namespace statescope::demo

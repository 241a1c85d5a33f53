#pragma once

#include <QByteArray>
#include <QString>
#include <cstdint>
#include <initializer_list>
#include <string_view>
#include <vector>

namespace statescope::demo {

// The demo generator's only source of randomness: xoshiro256** seeded through SplitMix64.
// Everything here is integer arithmetic with fixed algorithms, so a seed gives the same
// sequence on every compiler, standard library and CPU. (std:: distributions are not used
// on purpose: their algorithms are unspecified and differ between libstdc++ and libc++.)
//
// Keep stored values integral where you can: compute prices, positions and durations as
// integers and divide once at the end; floating-point expressions like a + b * c may be
// fused into one instruction on some targets and then round differently.
class Random
{
public:
    explicit Random(std::uint64_t seed);

    // An independent stream for one part of the demo ("events", "games", ...), so that
    // changing how much of one part is generated does not shift the others.
    static Random stream(std::uint64_t seed, std::string_view name);

    // SplitMix64's step, exposed for seeding and for tests against its reference values.
    static std::uint64_t splitMix64(std::uint64_t &state);
    // SplitMix64's output function: a bijection on 64-bit numbers, so distinct inputs
    // (say, a counter) give distinct, random-looking outputs. Unique ids without a set.
    static std::uint64_t scramble(std::uint64_t x);

    std::uint64_t next();
    // Uniform in [lo, hi] (both inclusive), without modulo bias; lo when hi <= lo.
    std::int64_t uniformInt64(std::int64_t lo, std::int64_t hi);
    int uniformInt(int lo, int hi) { return int(uniformInt64(lo, hi)); }
    // Uniform in [0, 1), 53 random bits; exact, no rounding involved.
    double uniformDouble();
    // Uniform in [lo, hi).
    double uniformDouble(double lo, double hi);
    // True with probability percent / 100 (integer percent, so no floating point).
    bool chance(int percent) { return uniformInt(0, 99) < percent; }
    // True with probability perMille / 1000.
    bool chancePerMille(int perMille) { return uniformInt(0, 999) < perMille; }

    // An index into a list of the given size (size > 0).
    std::size_t index(std::size_t size)
    {
        return std::size_t(uniformInt64(0, std::int64_t(size) - 1));
    }
    template <class T> const T &pick(const std::vector<T> &list)
    {
        return list[index(list.size())];
    }
    template <class T> T pick(std::initializer_list<T> list)
    {
        return list.begin()[index(list.size())];
    }
    // An index chosen with the given integer weights (not all zero).
    std::size_t weighted(const std::vector<int> &weights);

    template <class T> void shuffle(std::vector<T> &list)
    {
        // Fisher-Yates, from the back.
        for (std::size_t i = list.size(); i > 1; --i)
            std::swap(list[i - 1], list[index(i)]);
    }

    // A version 4 UUID ("xxxxxxxx-xxxx-4xxx-Vxxx-xxxxxxxxxxxx") made from 128 random bits.
    QString uuid();

private:
    std::uint64_t m_s[4];
};

} // namespace statescope::demo

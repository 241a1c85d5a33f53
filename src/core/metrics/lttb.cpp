// Largest-Triangle-Three-Buckets (Steinarsson, 2013): the first and last points stay; the
// points in between are split into threshold - 2 buckets of (almost) equal size, and from
// each bucket the point is kept that makes the largest triangle with the point kept from
// the previous bucket and the average of the next bucket.

#include "metrics.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace statescope::metrics {

QList<Point> downsampleLttb(const QList<Point> &points, int threshold)
{
    const qsizetype n = points.size();
    // No limit, or nothing to drop.
    if (threshold <= 0 || threshold >= n)
        return points;
    // Fewer than three points leave no room for a middle bucket: the ends only.
    if (threshold < 3)
        return n == 0 ? points : QList<Point>{points.first(), points.last()};

    // x in seconds from the first point: doubles keep milliseconds exactly over centuries.
    const qint64 t0 = points.first().t.toMSecsSinceEpoch();
    std::vector<double> xs(static_cast<size_t>(n));
    for (qsizetype i = 0; i < n; ++i)
        xs[size_t(i)] = double(points[i].t.toMSecsSinceEpoch() - t0) / 1000.0;

    QList<Point> sampled;
    sampled.reserve(threshold);
    sampled.append(points.first());
    const double every = double(n - 2) / double(threshold - 2);
    qsizetype a = 0; // the point kept last
    for (int i = 0; i < threshold - 2; ++i) {
        // The next bucket's average: the third corner of the triangle.
        qsizetype avgStart = qsizetype(std::floor((i + 1) * every)) + 1;
        qsizetype avgEnd = std::min<qsizetype>(qsizetype(std::floor((i + 2) * every)) + 1, n);
        if (avgStart >= avgEnd) // the last bucket: the final point is the next corner
            avgStart = avgEnd - 1;
        double avgX = 0, avgY = 0;
        for (qsizetype j = avgStart; j < avgEnd; ++j) {
            avgX += xs[size_t(j)];
            avgY += points[j].value;
        }
        const double count = double(avgEnd - avgStart);
        avgX /= count;
        avgY /= count;

        // This bucket's candidates.
        const qsizetype from = qsizetype(std::floor(i * every)) + 1;
        const qsizetype to = std::min<qsizetype>(qsizetype(std::floor((i + 1) * every)) + 1, n - 1);
        const double ax = xs[size_t(a)];
        const double ay = points[a].value;
        double maxArea = -1;
        qsizetype chosen = from;
        for (qsizetype j = from; j < to; ++j) {
            // Twice the triangle's area; the factor does not change which is largest.
            const double area = std::abs((ax - avgX) * (points[j].value - ay)
                                         - (ax - xs[size_t(j)]) * (avgY - ay));
            if (area > maxArea) {
                maxArea = area;
                chosen = j;
            }
        }
        sampled.append(points[chosen]);
        a = chosen;
    }
    sampled.append(points.last());
    return sampled;
}

} // namespace statescope::metrics

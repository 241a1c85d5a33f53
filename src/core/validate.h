#pragma once

#include <QRegularExpression>
#include <QString>
#include <QUuid>

#include <optional>

namespace statescope::validate {

// A pattern that accepts a text only when it matches the whole of it. Every check of user
// input in core goes through this type: with "^...$" PCRE lets "$" match before a final
// newline, so "rel_2026_w11\n" passed as a database name. Here the pattern is wrapped in
// \A(?:...)\z, which nothing can slip past.
class WholePattern
{
public:
    explicit WholePattern(const QString &pattern,
                          QRegularExpression::PatternOptions options = {});

    // A match object whose hasMatch() is true only for a whole-string match; captures as usual.
    QRegularExpressionMatch match(const QString &text) const;
    bool matches(const QString &text) const { return match(text).hasMatch(); }

private:
    QRegularExpression m_re;
};

// A UUID written as 32 hex digits in the 8-4-4-4-12 form, optionally in braces, nothing
// before or after (QUuid::fromString alone ignores trailing text). nullopt otherwise.
std::optional<QUuid> uuid(const QString &text);

// A whole number written as digits with an optional sign, nothing before or after (Qt's
// toLongLong() lets surrounding whitespace, a newline included, through). nullopt when it is
// not one or does not fit in 64 bits.
std::optional<qint64> wholeNumber(const QString &text);

} // namespace statescope::validate

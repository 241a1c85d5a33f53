#pragma once

#include <QCoreApplication>
#include <QString>

#include <optional>
#include <utility>

namespace statescope::find {

// A value typed once (an id a player sent, a request key, a game's short id, a number), read
// as every kind of value it can be: text always; a whole uuid, or the beginning of one (8 to
// 31 hex digits, with dashes only where a uuid has them), as the range of uuids that begin so;
// an integer that fits a bigint. What a column can hold of it decides where it is looked up.
struct Needle
{
    Q_DECLARE_TR_FUNCTIONS(statescope::find::Needle)
public:
    QString text;
    std::optional<QString> uuid;                           // canonical: lower case, dashed
    std::optional<std::pair<QString, QString>> uuidRange; // the lowest and highest uuid so begun
    std::optional<qint64> integer;

    static constexpr int kMaxChars = 200;
    // Error(InvalidInput), nothing looked up, for an empty value, one longer than kMaxChars or
    // one holding a control character.
    static Needle parse(const QString &typed);

    // For people: "uuid", "uuid beginning", "integer", "text" (what it was read as).
    QString describe() const;
};

} // namespace statescope::find

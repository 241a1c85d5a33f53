#pragma once

#include <QByteArray>
#include <QStringList>

namespace statescope::pg {

// The text form of a text[] parameter, each element quoted (backslash and double quote
// escaped): {"data","b\"c"}. Bound as a parameter, never pasted into a statement.
QByteArray textArrayLiteral(const QStringList &elements);

} // namespace statescope::pg

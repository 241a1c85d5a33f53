#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace statescope::format {

// A byte count for people, in IEC units everywhere (B, KiB, MiB, GiB, TiB) with one
// decimal: "512 B", "1.5 KiB", "2.3 GiB". In the user's locale unless `c` is set (the CLI's
// text output, which scripts read).
QString bytes(qint64 count, bool c = false);

// One CSV field (RFC 4180): quoted, with quotes doubled, when it holds a comma, quote, line
// break or leading/trailing space; as it is otherwise.
QByteArray csvField(QByteArrayView value);
inline QByteArray csvField(const QString &value)
{
    return csvField(QByteArrayView(value.toUtf8()));
}

} // namespace statescope::format

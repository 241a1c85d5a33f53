#include "core/pg/arrayliteral.h"

namespace statescope::pg {

QByteArray textArrayLiteral(const QStringList &elements)
{
    QByteArray out = "{";
    for (qsizetype i = 0; i < elements.size(); ++i) {
        QByteArray e = elements[i].toUtf8();
        e.replace("\\", "\\\\");
        e.replace("\"", "\\\"");
        out += (i ? ",\"" : "\"") + e + '"';
    }
    return out + '}';
}

} // namespace statescope::pg

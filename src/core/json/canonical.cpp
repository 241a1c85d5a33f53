#include "canonical.h"

#include <QCryptographicHash>

namespace statescope::json {

QByteArray canonical(const nlohmann::json &document)
{
    // nlohmann::json keeps objects in a std::map, so dump() already sorts keys by
    // their UTF-8 bytes, which equals code point order.
    const std::string text = document.dump(-1, ' ', false,
                                           nlohmann::json::error_handler_t::strict);
    return QByteArray::fromStdString(text);
}

QByteArray sha256Hex(const QByteArray &bytes)
{
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex();
}

} // namespace statescope::json

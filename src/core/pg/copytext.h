#pragma once

// COPY's text format (the default of COPY ... TO STDOUT), read back.

#include <QByteArray>

namespace statescope::pg {

// Undoes COPY's text-format escaping of one row (without its newline): \n, \r, \t, \b, \f,
// \v, up to three octal digits, and any other escaped character standing for itself.
QByteArray unescapeCopyText(const char *data, int length);

} // namespace statescope::pg

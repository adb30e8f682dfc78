// Request checks and response headers for the review page.
#include "server/request_guard.h"

#include <array>
#include <cstdio>
#include <fstream>

namespace foicode::server {
namespace {

// Not std::isalnum: that depends on the C locale.
constexpr bool IsAsciiAlnum(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

}  // namespace

const std::vector<std::pair<std::string, std::string>>& SecurityHeaders() {
  static const std::vector<std::pair<std::string, std::string>> headers = {
      {"Content-Security-Policy",
       "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "connect-src 'self'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'"},
      {"X-Content-Type-Options", "nosniff"},
      {"Cache-Control", "no-store"},
      {"Referrer-Policy", "no-referrer"},
  };
  return headers;
}

std::optional<std::string> RandomToken() {
  std::ifstream in("/dev/urandom", std::ios::binary);
  std::array<char, 16> bytes{};
  if (!in.read(bytes.data(), bytes.size())) return std::nullopt;
  std::string token;
  char hex[3];
  for (const char c : bytes) {
    std::snprintf(hex, sizeof hex, "%02x", static_cast<unsigned char>(c));
    token += hex;
  }
  return token;
}

bool IsValidToken(std::string_view token) {
  if (token.size() < 16 || token.size() > 256) return false;
  for (const char c : token) {
    if (!IsAsciiAlnum(c) && c != '-' && c != '_') return false;
  }
  return true;
}

bool ConstantTimeEquals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  unsigned char diff = 0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    diff |= static_cast<unsigned char>(a[i] ^ b[i]);
  }
  return diff == 0;
}

bool IsAllowedHost(std::string_view host, int port) {
  const std::string suffix = ":" + std::to_string(port);
  return host == "127.0.0.1" + suffix || host == "localhost" + suffix;
}

std::string AttachmentDisposition(std::string_view file_name) {
  std::string out = "attachment; filename*=UTF-8''";
  char hex[4];
  for (const char c : file_name) {
    const auto u = static_cast<unsigned char>(c);
    // RFC 5987 attr-char: ALPHA / DIGIT / "!" / "#" / "$" / "&" / "+" / "-" / "." / "^" / "_"
    // / "`" / "|" / "~".
    if (IsAsciiAlnum(c) || std::string_view("!#$&+-.^_`|~").find(c) != std::string_view::npos) {
      out += c;
    } else {
      std::snprintf(hex, sizeof hex, "%%%02X", u);
      out += hex;
    }
  }
  return out;
}

}  // namespace foicode::server

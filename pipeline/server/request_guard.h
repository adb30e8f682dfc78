// The checks every request to the review page must pass, and the headers every response
// carries. Pure functions, so each rule is tested without a socket.
#ifndef FOICODE_PIPELINE_SERVER_REQUEST_GUARD_H_
#define FOICODE_PIPELINE_SERVER_REQUEST_GUARD_H_

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace foicode::server {

// Headers set on every response, errors included. The CSP allows only the page's own script,
// style, images and API: no inline code, so text from a reply can never run.
const std::vector<std::pair<std::string, std::string>>& SecurityHeaders();

// 128 random bits from /dev/urandom as 32 lower-case hex digits; nullopt when unreadable.
std::optional<std::string> RandomToken();

// A token a person may choose must be safe in a URL and long enough not to be guessed.
bool IsValidToken(std::string_view token);

// Compares in time that depends only on the lengths, so a wrong guess reveals nothing about
// how many leading characters were right.
bool ConstantTimeEquals(std::string_view a, std::string_view b);

// True for "127.0.0.1:PORT" and "localhost:PORT" only: a page on another site that points
// its own name at 127.0.0.1 (DNS rebinding) sends its own name, and is refused.
bool IsAllowedHost(std::string_view host, int port);

// `attachment; filename*=UTF-8''…` with every byte outside RFC 5987's attr-char
// percent-encoded, so no quote, semicolon or line break in a file name reaches the header.
std::string AttachmentDisposition(std::string_view file_name);

}  // namespace foicode::server

#endif  // FOICODE_PIPELINE_SERVER_REQUEST_GUARD_H_

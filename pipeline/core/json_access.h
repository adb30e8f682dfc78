// Read access to JSON members without copies: nlohmann's value() returns by value, so a
// pointer into its result dangles and every call copies the member.
#ifndef FOICODE_PIPELINE_CORE_JSON_ACCESS_H_
#define FOICODE_PIPELINE_CORE_JSON_ACCESS_H_

#include <initializer_list>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace foicode {

// object[key] when `object` is an object holding an array there, else an empty array.
inline const nlohmann::json& ArrayAt(const nlohmann::json& object, const char* key) {
  static const nlohmann::json kEmpty = nlohmann::json::array();
  if (!object.is_object()) return kEmpty;
  const auto it = object.find(key);
  return it != object.end() && it->is_array() ? *it : kEmpty;
}

// object[key] when present, else null.
inline const nlohmann::json& MemberAt(const nlohmann::json& object, const char* key) {
  static const nlohmann::json kNull;
  if (!object.is_object()) return kNull;
  const auto it = object.find(key);
  return it != object.end() ? *it : kNull;
}

// object[key] when it is a string, else "".
inline std::string StringAt(const nlohmann::json& object, const char* key) {
  const nlohmann::json& value = MemberAt(object, key);
  return value.is_string() ? value.get<std::string>() : std::string();
}

// Parses `text`, an object, keeping only the members named in `keep` (at the top level):
// what is left out is scanned but never built, which is most of the cost of a large record.
// Discarded (is_discarded()) when `text` is not valid JSON.
inline nlohmann::json ParseMembers(std::string_view text, std::initializer_list<std::string_view> keep) {
  return nlohmann::json::parse(
      text,
      [&](int depth, nlohmann::json::parse_event_t event, nlohmann::json& parsed) {
        if (depth != 1 || event != nlohmann::json::parse_event_t::key) return true;
        const std::string& key = parsed.get_ref<const std::string&>();
        for (std::string_view k : keep) {
          if (k == key) return true;
        }
        return false;
      },
      false);
}

}  // namespace foicode

#endif  // FOICODE_PIPELINE_CORE_JSON_ACCESS_H_

// Whether this build runs under AddressSanitizer, whose shadow memory reserves terabytes of
// address space: an address-space limit (RLIMIT_AS) would make every allocation fail.
#ifndef FOICODE_PIPELINE_EXTRACT_ADDRESS_SANITIZER_H_
#define FOICODE_PIPELINE_EXTRACT_ADDRESS_SANITIZER_H_

namespace foicode::extract {

#if defined(__SANITIZE_ADDRESS__)
inline constexpr bool kAddressSanitizer = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
inline constexpr bool kAddressSanitizer = true;
#else
inline constexpr bool kAddressSanitizer = false;
#endif
#else
inline constexpr bool kAddressSanitizer = false;
#endif

}  // namespace foicode::extract

#endif  // FOICODE_PIPELINE_EXTRACT_ADDRESS_SANITIZER_H_

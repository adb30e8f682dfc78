// Tests for the request checks and response headers of the review page.
#include "server/request_guard.h"

#include <gtest/gtest.h>

namespace foicode::server {
namespace {

TEST(RequestGuard, ComparesTokensExactly) {
  EXPECT_TRUE(ConstantTimeEquals("0123456789abcdef", "0123456789abcdef"));
  EXPECT_FALSE(ConstantTimeEquals("0123456789abcdef", "0123456789abcdeF"));
  EXPECT_FALSE(ConstantTimeEquals("0123456789abcdef", "0123456789abcde"));
  EXPECT_FALSE(ConstantTimeEquals("", "0123456789abcdef"));
}

TEST(RequestGuard, RandomTokenIs128BitsOfHex) {
  const std::optional<std::string> a = RandomToken();
  const std::optional<std::string> b = RandomToken();
  ASSERT_TRUE(a && b);
  EXPECT_EQ(a->size(), 32u);
  EXPECT_EQ(a->find_first_not_of("0123456789abcdef"), std::string::npos);
  EXPECT_NE(*a, *b);
  EXPECT_TRUE(IsValidToken(*a));
}

TEST(RequestGuard, ChosenTokensMustBeUrlSafeAndLong) {
  EXPECT_TRUE(IsValidToken("abcdefABCDEF0123-_"));
  EXPECT_FALSE(IsValidToken("short"));
  EXPECT_FALSE(IsValidToken("abcdefabcdefabcd\"><script>"));
  EXPECT_FALSE(IsValidToken("abcdefabcdefabcd&x=1"));
}

TEST(RequestGuard, AllowsOnlyLoopbackNamesWithThePort) {
  EXPECT_TRUE(IsAllowedHost("127.0.0.1:8080", 8080));
  EXPECT_TRUE(IsAllowedHost("localhost:8080", 8080));
  EXPECT_FALSE(IsAllowedHost("127.0.0.1:8081", 8080));
  EXPECT_FALSE(IsAllowedHost("127.0.0.1", 8080));
  EXPECT_FALSE(IsAllowedHost("evil.example:8080", 8080));
  EXPECT_FALSE(IsAllowedHost("localhost.evil.example:8080", 8080));
  EXPECT_FALSE(IsAllowedHost("", 8080));
}

TEST(RequestGuard, PercentEncodesFileNamesForContentDisposition) {
  EXPECT_EQ(AttachmentDisposition("FOI 24-1187 Response.pdf"),
            "attachment; filename*=UTF-8''FOI%2024-1187%20Response.pdf");
  EXPECT_EQ(AttachmentDisposition("a\";\r\nb.pdf"),
            "attachment; filename*=UTF-8''a%22%3B%0D%0Ab.pdf");
  EXPECT_EQ(AttachmentDisposition("caf\xC3\xA9.eml"), "attachment; filename*=UTF-8''caf%C3%A9.eml");
}

TEST(RequestGuard, SecurityHeadersForbidInlineCode) {
  bool csp = false;
  for (const auto& [name, value] : SecurityHeaders()) {
    if (name == "Content-Security-Policy") {
      csp = true;
      EXPECT_NE(value.find("default-src 'none'"), std::string::npos);
      EXPECT_EQ(value.find("unsafe-inline"), std::string::npos);
    }
  }
  EXPECT_TRUE(csp);
}

}  // namespace
}  // namespace foicode::server

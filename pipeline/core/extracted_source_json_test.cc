#include "core/extracted_source_json.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "testing/test_support.h"

namespace foicode {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

ExtractedSource EveryField() {
  ExtractedSource source;
  source.path = "replies/FOI 24-1 reply.eml";
  source.sha256 = std::string(64, 'a');
  source.kind = Kind::kEml;
  source.error = "letter.pdf: the file is damaged";

  Part body;
  body.kind = Kind::kEml;
  body.headers = EmailHeaders{"FOI Team", "foi@trust.nhs.uk", "me@example.org", "2024-10-07T09:15:00+01:00",
                              "RE: FOI 24-1 \xe2\x80\x93 Clinical AI"};
  Page text;
  text.text = "Dear requester,\nWe use Brainomix.\n> earlier";
  text.quoted = {Span{3, 8}, Span{30, 39}};
  body.pages.push_back(text);
  body.flags.push_back(Flag{"charset_guessed", "The charset was detected."});
  source.parts.push_back(body);

  Part pdf;
  pdf.name = "fwd.eml/letter.pdf";
  pdf.kind = Kind::kPdf;
  pdf.error = "page 3 could not be read";
  Page one;
  one.number = 1;
  one.text = "Page one";
  Page two;
  two.number = 2;
  two.text = "Scanned";
  two.ocr = true;
  pdf.pages = {one, two};
  pdf.flags = {Flag{"text_from_ocr", "Page 2 was read by OCR."}, Flag{"part_unreadable", "Page 3."}};
  source.parts.push_back(pdf);

  Part sheet;
  sheet.name = "figures.xlsx";
  sheet.kind = Kind::kXlsx;
  Page tab;
  tab.number = 1;
  tab.label = "Sheet 1";
  tab.text = "System\tScans\nBrainomix\t887";
  sheet.pages.push_back(tab);
  source.parts.push_back(sheet);
  return source;
}

TEST(ExtractedSourceJsonTest, FromJsonInvertsToJsonForEveryField) {
  const ExtractedSource source = EveryField();
  ExtractedSource back;
  ASSERT_TRUE(FromJson(ToJson(source), &back));
  EXPECT_TRUE(back == source) << ToJson(back).dump(2);
}

TEST(ExtractedSourceJsonTest, FromJsonReplacesWhatTheTargetHeld) {
  ExtractedSource back = EveryField();
  ExtractedSource small;
  small.path = "a.txt";
  small.kind = Kind::kTxt;
  ASSERT_TRUE(FromJson(ToJson(small), &back));
  EXPECT_TRUE(back == small) << ToJson(back).dump(2);
}

TEST(ExtractedSourceJsonTest, FromJsonSurvivesTheTextRoundTrip) {
  const ExtractedSource source = EveryField();
  ExtractedSource back;
  ASSERT_TRUE(FromJson(json::parse(ExtractJsonText(source)), &back));
  EXPECT_TRUE(back == source);
}

TEST(ExtractedSourceJsonTest, EveryGoldenExtractionRoundTrips) {
  const fs::path root = fs::path(FOICODE_SOURCE_DIR) / "tests/golden/extract";
  std::vector<fs::path> files;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    if (entry.is_regular_file()) files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  ASSERT_GE(files.size(), 15u);
  int with_quoted = 0;
  for (const fs::path& file : files) {
    const std::string text = testing::ReadFileOrDie(file);
    const json golden = json::parse(text);
    ExtractedSource source;
    ASSERT_TRUE(FromJson(golden, &source)) << file;
    EXPECT_EQ(ToJson(source), golden) << file;
    EXPECT_EQ(ExtractJsonText(source), text) << file;
    for (const Part& part : source.parts) {
      for (const Page& page : part.pages) with_quoted += page.quoted.empty() ? 0 : 1;
    }
  }
  EXPECT_GT(with_quoted, 0) << "no golden has a quoted span: the round trip of spans is untested";
}

// Each is the valid source below with one thing broken.
json Valid() {
  return json::parse(R"({"source":"a.eml","sha256":"00","kind":"eml","error":null,"parts":[
    {"name":null,"kind":"eml","error":null,"flags":[{"code":"c","message":"m"}],
     "headers":{"from_name":"","from_address":"","to":"","date":"","subject":""},
     "pages":[{"page":null,"text":"hi","ocr":false,"label":"L","quoted":[[0,1]]}]}]})");
}

TEST(ExtractedSourceJsonTest, TheValidBaseParses) {
  ExtractedSource source;
  ASSERT_TRUE(FromJson(Valid(), &source));
  ASSERT_EQ(source.parts.size(), 1u);
  ASSERT_EQ(source.parts[0].pages.size(), 1u);
  EXPECT_EQ(source.parts[0].pages[0].quoted, (std::vector<Span>{Span{0, 1}}));
}

TEST(ExtractedSourceJsonTest, MalformedInputIsRefusedWithoutThrowing) {
  std::vector<std::pair<std::string, json>> cases;
  cases.emplace_back("not an object", json::array({1, 2}));
  cases.emplace_back("a string", json("parts"));
  cases.emplace_back("null", json(nullptr));
  {
    json j = Valid();
    j.erase("parts");
    cases.emplace_back("missing parts", j);
  }
  {
    json j = Valid();
    j["parts"] = json::object();
    cases.emplace_back("parts not an array", j);
  }
  {
    json j = Valid();
    j["source"] = 7;
    cases.emplace_back("source a number", j);
  }
  {
    json j = Valid();
    j["kind"] = json::array();
    cases.emplace_back("kind an array", j);
  }
  {
    json j = Valid();
    j["error"] = false;
    cases.emplace_back("error a bool", j);
  }
  {
    json j = Valid();
    j["parts"][0] = "part";
    cases.emplace_back("part a string", j);
  }
  {
    json j = Valid();
    j["parts"][0].erase("pages");
    cases.emplace_back("part without pages", j);
  }
  {
    json j = Valid();
    j["parts"][0]["name"] = 3;
    cases.emplace_back("part name a number", j);
  }
  {
    json j = Valid();
    j["parts"][0]["flags"] = "none";
    cases.emplace_back("flags a string", j);
  }
  {
    json j = Valid();
    j["parts"][0]["flags"][0]["code"] = 1;
    cases.emplace_back("flag code a number", j);
  }
  {
    json j = Valid();
    j["parts"][0]["headers"] = "From: x";
    cases.emplace_back("headers a string", j);
  }
  {
    json j = Valid();
    j["parts"][0]["headers"]["subject"] = 1;
    cases.emplace_back("header subject a number", j);
  }
  {
    json j = Valid();
    j["parts"][0]["pages"][0].erase("text");
    cases.emplace_back("page without text", j);
  }
  {
    json j = Valid();
    j["parts"][0]["pages"][0]["text"] = json::array();
    cases.emplace_back("page text an array", j);
  }
  {
    json j = Valid();
    j["parts"][0]["pages"][0]["page"] = "1";
    cases.emplace_back("page number a string", j);
  }
  {
    json j = Valid();
    j["parts"][0]["pages"][0]["page"] = 1.5;
    cases.emplace_back("page number a fraction", j);
  }
  {
    json j = Valid();
    j["parts"][0]["pages"][0]["ocr"] = "yes";
    cases.emplace_back("ocr a string", j);
  }
  {
    json j = Valid();
    j["parts"][0]["pages"][0]["label"] = 2;
    cases.emplace_back("label a number", j);
  }
  {
    json j = Valid();
    j["parts"][0]["pages"][0]["quoted"] = json::array({json::array({0, 1, 2})});
    cases.emplace_back("quoted span of three numbers", j);
  }
  {
    json j = Valid();
    j["parts"][0]["pages"][0]["quoted"] = json::array({json::array({0, "1"})});
    cases.emplace_back("quoted span with a string", j);
  }
  {
    json j = Valid();
    j["parts"][0]["pages"][0]["quoted"] = json::object();
    cases.emplace_back("quoted an object", j);
  }
  for (const auto& [what, j] : cases) {
    ExtractedSource source;
    bool ok = true;
    EXPECT_NO_THROW(ok = FromJson(j, &source)) << what;
    EXPECT_FALSE(ok) << what;
  }
}

}  // namespace
}  // namespace foicode

// Tests for building page text from word boxes and the shared text clean-ups.
#include "extract/pdf_lines.h"

#include <gtest/gtest.h>

#include <limits>
#include <string>
#include <vector>

namespace foicode::extract {
namespace {

// Words of one line at baseline `y` (10 pt high), each `x` given; 6 pt per character.
std::vector<WordBox> Line(double y, std::vector<std::pair<double, std::string>> words) {
  std::vector<WordBox> out;
  for (auto& [x, text] : words) {
    out.push_back(WordBox{.text = text,
                          .x0 = x,
                          .y0 = y - 10,
                          .x1 = x + 6.0 * static_cast<double>(text.size()),
                          .y1 = y,
                          .space_after = true,
                          .upright = true});
  }
  return out;
}

std::vector<WordBox> Concat(std::vector<std::vector<WordBox>> lines) {
  std::vector<WordBox> out;
  for (auto& l : lines) out.insert(out.end(), l.begin(), l.end());
  return out;
}

TEST(LayOutWordsTest, WordsOnOneBaselineMakeOneLineInXOrder) {
  // Poppler may list words out of visual order; the layout sorts them.
  auto words = Line(100, {{112, "world"}, {72, "Hello,"}, {146, "again."}});
  EXPECT_EQ(LayOutWords(words), "Hello, world again.");
}

TEST(LayOutWordsTest, TableRowStaysOnOneLineWithCellSeparators) {
  const auto words = Concat({
      Line(100, {{72, "Vendor"}, {200, "Product"}, {330, "Uses"}}),
      Line(114, {{72, "Aidence"}, {200, "Veye"}, {236, "Lung"}, {330, "14974"}}),
      Line(128, {{72, "Brainomix"}, {200, "e-Stroke"}, {330, "2777"}}),
  });
  EXPECT_EQ(LayOutWords(words),
            "Vendor | Product | Uses\n"
            "Aidence | Veye Lung | 14974\n"
            "Brainomix | e-Stroke | 2777");
}

TEST(LayOutWordsTest, WrappedCellsAreJoinedIntoTheirRow) {
  const auto words = Concat({
      Line(100,
           {{72, "Brainomix"}, {200, "e-Stroke"}, {260, "(e-"}, {330, "1,745"}, {366, "scans"}}),
      Line(113, {{200, "ASPECTS)"}, {330, "(2023-24)"}}),
      Line(140, {{72, "Gleamer"}, {200, "Boneview"}, {330, "17,174"}}),
      Line(153, {{72, "Ltd"}}),
      Line(166, {{72, "Trust"},
                 {102, "wide"},
                 {132, "figures"},
                 {180, "are"},
                 {204, "estimates"},
                 {264, "given"},
                 {300, "by"},
                 {318, "suppliers."}}),
  });
  EXPECT_EQ(LayOutWords(words),
            "Brainomix | e-Stroke (e-ASPECTS) | 1,745 scans (2023-24)\n\n"
            "Gleamer Ltd | Boneview | 17,174\n"
            "Trust wide figures are estimates given by suppliers.");
}

TEST(LayOutWordsTest, SlightlyOffsetBaselinesStayOnTheirRow) {
  auto words = Concat({Line(100, {{72, "Total"}}), Line(101.5, {{300, "123"}})});
  EXPECT_EQ(LayOutWords(words), "Total | 123");
}

TEST(LayOutWordsTest, LargeGapBecomesBlankLineAndHeaderStaysApart) {
  const auto words = Concat({
      Line(40, {{72, "Example"}, {120, "NHS"}, {146, "Trust"}}),
      Line(100, {{72, "We"}, {90, "hold"}, {120, "no"}, {136, "information."}}),
      Line(113, {{72, "Thank"}, {106, "you."}}),
      Line(800, {{72, "Page"}, {100, "1"}, {110, "of"}, {126, "2"}}),
  });
  EXPECT_EQ(LayOutWords(words),
            "Example NHS Trust\n\nWe hold no information.\nThank you.\n\nPage 1 of 2");
}

TEST(LayOutWordsTest, TwoColumnProseIsReadColumnByColumn) {
  const auto words = Concat({
      Line(100, {{72, "The"},
                 {96, "trust"},
                 {130, "started"},
                 {178, "a"},
                 {320, "No"},
                 {338, "other"},
                 {372, "system"},
                 {414, "is"}}),
      Line(113, {{72, "pilot"},
                 {106, "of"},
                 {124, "an"},
                 {142, "AI"},
                 {320, "in"},
                 {334, "use"},
                 {358, "at"},
                 {376, "this"}}),
      Line(126, {{72, "tool"},
                 {100, "in"},
                 {114, "2023"},
                 {144, "for"},
                 {320, "time"},
                 {350, "across"},
                 {392, "the"},
                 {416, "trust."}}),
  });
  EXPECT_EQ(LayOutWords(words),
            "The trust started a\npilot of an AI\ntool in 2023 for\n\n"
            "No other system is\nin use at this\ntime across the trust.");
}

TEST(LayOutWordsTest, ShortTwoCellRowsStayRowByRow) {
  const auto words = Concat({
      Line(100, {{72, "Name"}, {300, "Status"}}),
      Line(113, {{72, "HeartFlow"}, {300, "live"}}),
      Line(126, {{72, "Veye"}, {100, "Lung"}, {300, "pilot"}}),
  });
  EXPECT_EQ(LayOutWords(words), "Name | Status\nHeartFlow | live\nVeye Lung | pilot");
}

// A register of 10,000 two-cell rows on one long page: the search for two-column prose ran
// from every row to the end of the table.
TEST(LayOutWordsTest, LongTwoCellTableStaysRowByRow) {
  std::vector<WordBox> words;
  constexpr int kRows = 10000;
  for (int row = 0; row < kRows; ++row) {
    const auto line = Line(100 + 13.0 * row, {{72, "Name"}, {300, "live"}});
    words.insert(words.end(), line.begin(), line.end());
  }
  std::string want;
  for (int row = 0; row < kRows; ++row) want += row == 0 ? "Name | live" : "\nName | live";
  EXPECT_EQ(LayOutWords(words), want);
}

// PDFs whose broken font matrices give NaN or infinite word boxes: sorting them was undefined.
TEST(LayOutWordsTest, NonFiniteBoxesAreDropped) {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const double inf = std::numeric_limits<double>::infinity();
  auto words = Line(100, {{72, "Hello,"}, {112, "world"}});
  for (int i = 0; i < 100; ++i) {
    words.push_back(WordBox{.text = "bad", .x0 = nan, .y0 = nan, .x1 = nan, .y1 = nan});
    words.push_back(WordBox{.text = "bad", .x0 = 72, .y0 = -inf, .x1 = 90, .y1 = inf});
    words.push_back(WordBox{.text = "bad", .x0 = inf, .y0 = 90, .x1 = inf, .y1 = 100});
  }
  EXPECT_EQ(LayOutWords(words), "Hello, world");
}

TEST(LayOutWordsTest, TouchingBoxesWithoutSpaceJoinIntoOneWord) {
  std::vector<WordBox> words = {
      WordBox{.text = "procure", .x0 = 72, .y0 = 90, .x1 = 114, .y1 = 100},
      WordBox{.text = "ment", .x0 = 114.2, .y0 = 90, .x1 = 138, .y1 = 100},
  };
  EXPECT_EQ(LayOutWords(words), "procurement");
}

TEST(LayOutWordsTest, DuplicatedFakeBoldWordIsKeptOnce) {
  auto words = Line(100, {{72, "Response"}});
  words.push_back(words[0]);
  words.back().x0 += 0.4;
  words.back().x1 += 0.4;
  EXPECT_EQ(LayOutWords(words), "Response");
}

TEST(LayOutWordsTest, LigaturesExpandedAndHyphenatedWordsRejoined) {
  const auto words = Concat({
      Line(100, {{72, "\xEF\xAC\x81nance"}, {120, "and"}, {146, "procure-"}}),
      Line(113, {{72, "ment"}, {104, "teams"}}),
  });
  EXPECT_EQ(LayOutWords(words), "finance and procurement\nteams");
}

TEST(LayOutWordsTest, RotatedWordsComeLastOnTheirOwnLine) {
  auto words = Line(100, {{72, "Body"}});
  words.push_back(WordBox{.text = "DRAFT",
                          .x0 = 500,
                          .y0 = 300,
                          .x1 = 510,
                          .y1 = 340,
                          .space_after = false,
                          .upright = false});
  EXPECT_EQ(LayOutWords(words), "Body\n\nDRAFT");
}

TEST(LayOutWordsTest, NoWordsGiveEmptyText) { EXPECT_EQ(LayOutWords({}), ""); }

TEST(ExpandLigaturesTest, EveryLigatureBecomesLetters) {
  EXPECT_EQ(ExpandLigatures("\xEF\xAC\x80 \xEF\xAC\x81 \xEF\xAC\x82 \xEF\xAC\x83 \xEF\xAC\x84 "
                            "\xEF\xAC\x85 \xEF\xAC\x86"),
            "ff fi fl ffi ffl st st");
}

TEST(ExpandLigaturesTest, SoftHyphensRemovedExceptAtLineEnd) {
  EXPECT_EQ(ExpandLigatures("pro\xC2\xAD"
                            "cure\xC2\xAD\nment"),
            "procure-\nment");
}

TEST(RejoinHyphenatedWordsTest, Cases) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"procure-\nment of AI", "procurement\nof AI"},
      {"procure-\nment", "procurement"},
      {"the e-\nStroke system", "the e-\nStroke system"},  // next line starts upper case
      {"a follow-up meeting", "a follow-up meeting"},      // not at a line end
      {"costs -\nnone", "costs -\nnone"},                  // a dash, not a hyphen
      {"2023-\n24", "2023-\n24"},                          // digits
      {"pro-\n\nment", "pro-\n\nment"},                    // paragraph break
      {"cardi-\nology | 12", "cardi-\nology | 12"},        // next line is a table row
      {"re-\ncon-\nstruct", "reconstruct"},
  };
  for (const auto& [in, want] : cases) {
    EXPECT_EQ(RejoinHyphenatedWords(in), want) << "input: " << in;
  }
}

// OCR or a text layer of 100,000 lines "a-": each rejoin erased a line from the middle of
// the vector.
TEST(RejoinHyphenatedWordsTest, ManyHyphenatedLinesRejoinInOnePass) {
  std::string text;
  constexpr int kLines = 100000;
  for (int i = 0; i < kLines; ++i) text += "a-\n";
  text += "b";
  EXPECT_EQ(RejoinHyphenatedWords(text), std::string(kLines, 'a') + "b");
}


}  // namespace
}  // namespace foicode::extract

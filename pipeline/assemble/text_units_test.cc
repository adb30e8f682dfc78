#include "assemble/text_units.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/utf8.h"

namespace foicode::assemble {
namespace {

// Each sentence as its text, with "|T" after a table row.
std::vector<std::string> Sentences(const std::string& text) {
  const TextUnits units(text);
  std::vector<std::string> out;
  for (const Sentence& s : units.sentences()) {
    std::string part;
    for (int i = s.start; i < s.end; ++i) AppendUtf8(part, units.code_points()[i]);
    out.push_back(part + (s.table_row ? "|T" : ""));
  }
  return out;
}

TEST(TextUnitsTest, SplitsSentencesButNotAbbreviations) {
  EXPECT_EQ(Sentences("We use Aidence. It ran c. 20 times, e.g. in clinic. Dr. Smith agreed."),
            (std::vector<std::string>{"We use Aidence.", "It ran c. 20 times, e.g. in clinic.",
                                      "Dr. Smith agreed."}));
}

TEST(TextUnitsTest, QuestionMarkEndsASentenceWhateverFollows) {
  EXPECT_EQ(Sentences("1. Does the trust currently use any clinical AI systems? – Yes."),
            (std::vector<std::string>{"1. Does the trust currently use any clinical AI systems?",
                                      "– Yes."}));
}

TEST(TextUnitsTest, TableRowsAreSentencesOfTheirOwn) {
  EXPECT_EQ(Sentences("The table below\nBrainomix | e-Stroke | 887\nHeartFlow | FFRct | 57\nEnd."),
            (std::vector<std::string>{"The table below", "Brainomix | e-Stroke | 887|T",
                                      "HeartFlow | FFRct | 57|T", "End."}));
}

TEST(TextUnitsTest, WrappedLinesJoinAndListItemsSplit) {
  EXPECT_EQ(Sentences("The Trust uses the following in clinical\ndecision support:\n"
                      "   * Radiobotics RBfracture\n   * Annalise - chest X-ray\n"),
            (std::vector<std::string>{"The Trust uses the following in clinical\ndecision support:",
                                      "* Radiobotics RBfracture", "* Annalise - chest X-ray"}));
}

TEST(TextUnitsTest, BlankLinesEndParagraphs) {
  const TextUnits units("One. Two.\n\nThree.");
  ASSERT_EQ(units.sentences().size(), 3u);
  EXPECT_EQ(units.sentences()[0].paragraph, units.sentences()[1].paragraph);
  EXPECT_NE(units.sentences()[1].paragraph, units.sentences()[2].paragraph);
}

TEST(TextUnitsTest, OffsetsCountCodePoints) {
  const TextUnits units("Café – ok.\nNext line");
  EXPECT_EQ(units.SentenceAt(0), 0);
  EXPECT_EQ(units.LineOf(11), 1);
  EXPECT_EQ(units.LineText(1), "Next line");
  EXPECT_EQ(units.SentenceAt(10), -1);  // the line break belongs to no sentence
}

}  // namespace
}  // namespace foicode::assemble

// Tests for the dictionary loader: exact error texts for broken files, and the lookups the
// assemble stage uses.
#include "normalise/dictionary.h"

#include <gtest/gtest.h>

#include <bit>
#include <utility>

#include "testing/test_support.h"

namespace foicode::normalise {
namespace {

using foicode::testing::TempDir;
using foicode::testing::WriteFile;

// A small, valid dictionary; each test breaks one line of it.
struct Files {
  std::string vendors =
      "# vendors\n"
      "Brainomix\tNeurology\tBrainomix Ltd\tstudy: 16 trusts\n"
      "Kheiron\tRadiology\tKheiron Medical\tstudy: 2 trusts\n";
  std::string products =
      "# products\n"
      "e-Stroke\tBrainomix\tNeurology\tCT\teStroke ; e Stroke ; Brainomix e-Stroke\tstroke suite\n"
      "Mia\tKheiron\tRadiology\tMammography\tKheiron Mia\tambiguous: 'Mia' is a first name\n";
  std::string organisations =
      "# organisations\n"
      "Hull University Teaching Hospitals NHS Trust\ttrust\tHUTH ; Hull Royal Infirmary\t"
      "hey.nhs.uk\tcohort: uses clinical AI (study)\n"
      "NHS Humber and North Yorkshire Integrated Care Board\ticb\tHumber and North Yorkshire "
      "ICB\t\tICB\n";
  std::string tools =
      "# tools\n"
      "Nuance\t\tdictation\tno\tNuance Communications\tambiguous: 'nuance' is a word\n"
      "Nuance\tDragon Medical One\tdictation\tno\tDragon ; Dragon Medical\tambiguous: bare "
      "'Dragon'; study: Harrogate\n";
};

// Writes `files` into `dir` and loads them.
Status Load(const TempDir& dir, const Files& files, std::unique_ptr<const Dictionary>* out) {
  WriteFile(dir.path() / "vendors.tsv", files.vendors);
  WriteFile(dir.path() / "products.tsv", files.products);
  WriteFile(dir.path() / "organisations.tsv", files.organisations);
  WriteFile(dir.path() / "not_clinical_ai.tsv", files.tools);
  return LoadDictionary(dir.path(), out);
}

TEST(LoadDictionaryTest, LoadsAValidDictionary) {
  TempDir dir;
  std::unique_ptr<const Dictionary> dict;
  const Status status = Load(dir, Files(), &dict);
  ASSERT_TRUE(status.ok()) << status.message();
  ASSERT_NE(dict, nullptr);
  EXPECT_EQ(dict->vendors().size(), 2u);
  EXPECT_EQ(dict->products().size(), 2u);
  EXPECT_EQ(dict->organisations().size(), 2u);
  EXPECT_EQ(dict->other_tools().size(), 2u);
}

TEST(LoadDictionaryTest, ErrorsNameFileLineAndText) {
  struct Case {
    std::string label;
    std::string Files::*file;
    std::string replace;  // this text of the valid file ...
    std::string with;     // ... becomes this
    std::string name;     // file name in the message
    std::string message;  // after "<dir>/<name>:"
  };
  const Case cases[] = {
      {"column count", &Files::vendors, "Neurology\tBrainomix Ltd", "Neurology", "vendors.tsv",
       "2: expected 4 TAB-separated columns, found 3: 'Brainomix\tNeurology\tstudy: 16 trusts'"},
      {"empty name", &Files::vendors, "Kheiron\tRadiology", "\tRadiology", "vendors.tsv",
       "3: empty vendor\nDIR/products.tsv:3: vendor 'Kheiron' is not a canonical vendor in "
       "DIR/vendors.tsv"},
      {"subspecialty", &Files::vendors, "Kheiron\tRadiology", "Kheiron\tRadiologie",
       "vendors.tsv",
       "3: unknown subspecialty 'Radiologie' (one of: Radiology, Neurology, Cardiology, "
       "Dermatology, Oncology, Radiotherapy, Gastroenterology, Respiratory, Pathology, "
       "Ophthalmology, Urology, Orthopaedics, Obstetrics, Emergency medicine, General)"},
      {"product vendor", &Files::products, "e-Stroke\tBrainomix", "e-Stroke\tBrainomics",
       "products.tsv", "2: vendor 'Brainomics' is not a canonical vendor in DIR/vendors.tsv"},
      {"modality", &Files::products, "\tCT\t", "\tCAT\t", "products.tsv",
       "2: unknown modality 'CAT' (one of: CT, MRI, X-ray, Mammography, Ultrasound, "
       "Dermoscopy, Endoscopy, ECG, Echocardiography, Pathology slides, Radiotherapy "
       "planning)"},
      {"alias twice", &Files::products, "Kheiron Mia", "Kheiron Mia ; e stroke", "products.tsv",
       "3: alias 'e stroke' is also claimed by DIR/products.tsv:2 (e-Stroke)"},
      {"alias across files", &Files::tools, "Dragon ; Dragon Medical", "Dragon ; Brainomix LTD",
       "not_clinical_ai.tsv",
       "3: alias 'Brainomix LTD' is also claimed by DIR/vendors.tsv:2 (Brainomix)"},
      {"same entry", &Files::vendors, "Brainomix Ltd", "Brainomix Ltd ; BRAINOMIX",
       "vendors.tsv",
       "2: alias 'BRAINOMIX' repeats 'Brainomix' of the same entry (case, dashes and spaces do "
       "not count)"},
      {"punctuation only", &Files::vendors, "Kheiron Medical", "Kheiron Medical ; Brain.omix",
       "vendors.tsv",
       "3: alias 'Brain.omix' differs only in spaces and punctuation from 'Brainomix' of "
       "DIR/vendors.tsv:2 (Brainomix)"},
      {"org type", &Files::organisations, "\ticb\t", "\tccg\t", "organisations.tsv",
       "3: unknown type 'ccg' (one of: trust, icb, network, other)"},
      {"trust note", &Files::organisations, "cohort: uses", "uses", "organisations.tsv",
       "2: the note of a trust must begin 'cohort: ...' or 'not in the cohort'"},
      {"domain twice", &Files::organisations, "ICB\t\tICB", "ICB\tHEY.nhs.uk\tICB",
       "organisations.tsv",
       "3: domain 'hey.nhs.uk' is also claimed by DIR/organisations.tsv:2 (Hull University "
       "Teaching Hospitals NHS Trust)"},
      {"category", &Files::tools, "\t\tdictation\t", "\t\tdictate\t", "not_clinical_ai.tsv",
       "2: unknown category 'dictate' (one of: dictation, transcription, ambient_scribe, "
       "patient_video, office_copilot, automation, chatbot, clinical_coding, other_admin)"},
      {"borderline", &Files::tools, "\tdictation\tno\tNuance Comm", "\tdictation\tmaybe\tNuance Comm",
       "not_clinical_ai.tsv", "2: borderline must be yes or no, not 'maybe'"},
      {"ambiguous quote", &Files::products, "'Mia' is", "'Mya' is", "products.tsv",
       "3: note marks 'Mya' ambiguous, but it is not a name of this entry"},
      {"ambiguous no quote", &Files::products, "'Mia' is", "Mia is", "products.tsv",
       "3: note says 'ambiguous:' but quotes no name of this entry"},
      {"spaces", &Files::vendors, "Kheiron Medical", "Kheiron  Medical", "vendors.tsv",
       "3: aliases 'Kheiron  Medical' has leading, trailing or double spaces"},
      {"empty list value", &Files::vendors, "Kheiron Medical", "Kheiron Medical ; ",
       "vendors.tsv", "3: aliases 'Kheiron Medical ; ' has leading, trailing or double spaces"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.label);
    TempDir dir;
    Files files;
    std::string& text = files.*(c.file);
    const std::size_t at = text.find(c.replace);
    ASSERT_NE(at, std::string::npos) << c.replace;
    text.replace(at, c.replace.size(), c.with);
    std::unique_ptr<const Dictionary> dict;
    const Status status = Load(dir, files, &dict);
    ASSERT_FALSE(status.ok());
    EXPECT_EQ(dict, nullptr);
    std::string expected = (dir.path() / c.name).generic_string() + ":" + c.message;
    for (std::size_t p = expected.find("DIR"); p != std::string::npos; p = expected.find("DIR")) {
      expected.replace(p, 3, dir.path().generic_string());
    }
    EXPECT_EQ(status.message(), expected);
  }
}

TEST(LoadDictionaryTest, ReportsEveryErrorNotJustTheFirst) {
  TempDir dir;
  Files files;
  files.vendors += "Gleamer\tRadiologie\t\tx\nAidoc\n";
  // Gleamer's line is broken, but it names Gleamer: BoneView's line is not an error too.
  files.products += "BoneView\tGleamer\tRadiology\tX-ray\t\tx\n";
  files.products += "Rayvolve\tAZmed\tRadiology\tX-ray\t\tx\n";
  std::unique_ptr<const Dictionary> dict;
  const Status status = Load(dir, files, &dict);
  ASSERT_FALSE(status.ok());
  const std::string v = (dir.path() / "vendors.tsv").generic_string();
  const std::string p = (dir.path() / "products.tsv").generic_string();
  EXPECT_EQ(status.message(),
            v + ":4: unknown subspecialty 'Radiologie' (one of: Radiology, Neurology, "
                "Cardiology, Dermatology, Oncology, Radiotherapy, Gastroenterology, "
                "Respiratory, Pathology, Ophthalmology, Urology, Orthopaedics, Obstetrics, "
                "Emergency medicine, General)\n" +
                v + ":5: expected 4 TAB-separated columns, found 1: 'Aidoc'\n" + p +
                ":5: vendor 'AZmed' is not a canonical vendor in " + v);
}

TEST(LoadDictionaryTest, MissingFileIsAnError) {
  TempDir dir;
  WriteFile(dir.path() / "vendors.tsv", Files().vendors);
  std::unique_ptr<const Dictionary> dict;
  const Status status = LoadDictionary(dir.path(), &dict);
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.message(),
            (dir.path() / "products.tsv").generic_string() + ": cannot read the file\n" +
                (dir.path() / "organisations.tsv").generic_string() +
                ": cannot read the file\n" +
                (dir.path() / "not_clinical_ai.tsv").generic_string() +
                ": cannot read the file");
}

// The loader's in-memory entry (the fuzzer's): the same checks and messages, no disk.
TEST(LoadDictionaryTest, LoadsFromInMemoryFiles) {
  const Files files;
  std::unique_ptr<const Dictionary> dict;
  Status status = LoadDictionaryFromFiles(
      "dictionaries",
      {{"vendors.tsv", files.vendors}, {"products.tsv", files.products},
       {"organisations.tsv", files.organisations}, {"not_clinical_ai.tsv", files.tools}},
      &dict);
  ASSERT_TRUE(status.ok()) << status.message();
  EXPECT_EQ(dict->products().size(), 2u);

  status = LoadDictionaryFromFiles(
      "dictionaries",
      {{"vendors.tsv", files.vendors}, {"products.tsv", "Veye\tAidence\tRadiology\t\t\t\n"},
       {"organisations.tsv", files.organisations}},
      &dict);
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.message(),
            "dictionaries/products.tsv:1: vendor 'Aidence' is not a canonical vendor in "
            "dictionaries/vendors.tsv\n"
            "dictionaries/not_clinical_ai.tsv: cannot read the file");
}

class DictionaryLookupTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const Status status = Load(dir_, Files(), &dict_);
    ASSERT_TRUE(status.ok()) << status.message();
  }
  TempDir dir_;
  std::unique_ptr<const Dictionary> dict_;
};

TEST_F(DictionaryLookupTest, FindsEntriesByCanonicalName) {
  ASSERT_NE(dict_->FindVendor("Brainomix"), nullptr);
  EXPECT_EQ(dict_->FindVendor("Brainomix")->subspecialty, "Neurology");
  EXPECT_EQ(dict_->FindVendor("Brainomix Ltd"), nullptr);  // an alias, not a canonical name
  const Product* stroke = dict_->FindProduct("e-Stroke");
  ASSERT_NE(stroke, nullptr);
  EXPECT_EQ(stroke->vendor, "Brainomix");
  EXPECT_EQ(stroke->modality, std::vector<std::string>{"CT"});
  const Organisation* icb =
      dict_->FindOrganisation("NHS Humber and North Yorkshire Integrated Care Board");
  ASSERT_NE(icb, nullptr);
  EXPECT_EQ(icb->type, OrgType::kIcb);
  const OtherTool* dragon = dict_->FindOtherTool("Dragon Medical One");
  ASSERT_NE(dragon, nullptr);
  EXPECT_EQ(dragon->category, "dictation");
  EXPECT_FALSE(dragon->borderline);
  ASSERT_NE(dict_->FindOtherTool("Nuance"), nullptr);
  EXPECT_EQ(dict_->FindOtherTool("Nuance")->product, "");
}

TEST_F(DictionaryLookupTest, OrganisationForEmailDomainWalksUpParents) {
  const struct {
    std::string domain;
    bool found;
  } cases[] = {
      {"hey.nhs.uk", true},          {"foi.hey.nhs.uk", true},
      {"FOI.HEY.NHS.UK", true},      {"jane.doe@foi.hey.nhs.uk", true},
      {"hey.nhs.uk.", true},         {"nhs.uk", false},
      {"nhs.net", false},            {"they.nhs.uk", false},
      {"", false},
  };
  for (const auto& c : cases) {
    const Organisation* org = dict_->OrganisationForEmailDomain(c.domain);
    EXPECT_EQ(org != nullptr, c.found) << c.domain;
    if (org != nullptr) {
      EXPECT_EQ(org->name, "Hull University Teaching Hospitals NHS Trust");
    }
  }
}

TEST_F(DictionaryLookupTest, NamesCarryFoldingFingerprintAndAmbiguity) {
  bool saw_mia = false, saw_kheiron_mia = false;
  for (const DictionaryName& name : dict_->names()) {
    if (name.written == "Mia") {
      saw_mia = true;
      EXPECT_TRUE(name.ambiguous);
      EXPECT_EQ(name.kind, NameKind::kProduct);
    }
    if (name.written == "Kheiron Mia") {
      saw_kheiron_mia = true;
      EXPECT_FALSE(name.ambiguous);
      EXPECT_EQ(name.folded, "kheiron mia");
      EXPECT_EQ(name.fingerprint, "kheironmia");
    }
  }
  EXPECT_TRUE(saw_mia);
  EXPECT_TRUE(saw_kheiron_mia);
}

TEST_F(DictionaryLookupTest, FingerprintsByLengthListTheVendorAndProductFingerprints) {
  const auto& by_length = dict_->fingerprints_by_length();
  const auto& by_fingerprint = dict_->vendor_product_fingerprints();
  ASSERT_EQ(by_length.size(), by_fingerprint.size());
  for (std::size_t i = 0; i < by_length.size(); ++i) {
    const FingerprintEntry& entry = by_length[i];
    ASSERT_EQ(by_fingerprint.count(entry.fingerprint), 1u) << entry.fingerprint;
    EXPECT_EQ(entry.name, by_fingerprint.at(entry.fingerprint)) << entry.fingerprint;
    EXPECT_EQ(entry.byte_mask, ByteMask(entry.fingerprint)) << entry.fingerprint;
    if (i == 0) continue;
    const FingerprintEntry& before = by_length[i - 1];
    EXPECT_LT(std::make_pair(before.fingerprint.size(), before.name),
              std::make_pair(entry.fingerprint.size(), entry.name));
  }
  // Ambiguous names ("Mia") and other kinds of name are never near-missed.
  EXPECT_EQ(by_fingerprint.count("mia"), 0u);
  EXPECT_EQ(by_fingerprint.count("nuance"), 0u);
  EXPECT_EQ(by_fingerprint.count("kheironmia"), 1u);
}

TEST(ByteMaskTest, SetsOneBitPerLetterOrDigit) {
  EXPECT_EQ(ByteMask(""), 0u);
  EXPECT_EQ(ByteMask("a"), 1u);
  EXPECT_EQ(ByteMask("aaa"), 1u);
  EXPECT_EQ(std::popcount(ByteMask("abcdefghijklmnopqrstuvwxyz0123456789")), 36);
  EXPECT_EQ(ByteMask("heartflow"), ByteMask("flowheart"));
  EXPECT_NE(ByteMask("p"), ByteMask("0"));
}

TEST(FingerprintTest, KeepsLettersAndDigitsFolded) {
  const struct {
    std::string in, out;
  } cases[] = {
      {"Heart-Flow", "heartflow"}, {"Rapid.AI", "rapidai"},   {"CAS 1", "cas1"},
      {"Contour+", "contour"},     {"Ｑｕｒｅ", "qure"},      {"Zürich", "zürich"},
      {"--", ""},
  };
  for (const auto& c : cases) EXPECT_EQ(Fingerprint(c.in), c.out) << c.in;
}

}  // namespace
}  // namespace foicode::normalise

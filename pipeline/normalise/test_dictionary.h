// Test-only: the project's real dictionaries/, loaded once for all normalise tests.
#ifndef FOICODE_PIPELINE_NORMALISE_TEST_DICTIONARY_H_
#define FOICODE_PIPELINE_NORMALISE_TEST_DICTIONARY_H_

#include "normalise/dictionary.h"

namespace foicode::normalise::testing {

// Loads dictionaries/ from the source tree on first use; a load error fails the calling test.
const Dictionary& RealDictionary();

}  // namespace foicode::normalise::testing

#endif  // FOICODE_PIPELINE_NORMALISE_TEST_DICTIONARY_H_

// Tesseract, one engine per thread, fed gray8 pixels straight from memory.
#include "extract/ocr.h"

#include <dlfcn.h>
#include <leptonica/allheaders.h>
#include <tesseract/baseapi.h>
#include <tesseract/ocrclass.h>

#include <cstdint>
#include <exception>
#include <memory>
#include <mutex>

#include "core/utf8.h"
#include "extract/limits.h"
#include "extract/page_text.h"
#include "extract/pdf_lines.h"

namespace foicode::extract {
namespace {

// Tesseract runs its LSTM on up to 4 OpenMP threads per page; on a 2-core machine that is
// about 5x slower than one thread, and readers already run in parallel across inputs.
// Setting OMP_THREAD_LIMIT here would be too late (libgomp reads it once, when it is loaded
// before main as a dependency of libtesseract) and would race with getenv on other threads.
// What works at run time is max-active-levels = 0, which makes every parallel region run on
// one thread. It is looked up with dlsym so that a Tesseract built without OpenMP needs
// nothing, and called on every thread that makes an engine in case the runtime keeps the
// setting per thread.
void LimitOpenMpThreads() {
  using SetInt = void (*)(int);
  if (auto* set_levels =
          reinterpret_cast<SetInt>(dlsym(RTLD_DEFAULT, "omp_set_max_active_levels"))) {
    set_levels(0);
  }
  if (auto* set_threads = reinterpret_cast<SetInt>(dlsym(RTLD_DEFAULT, "omp_set_num_threads"))) {
    set_threads(1);
  }
}

struct Engine {
  std::unique_ptr<tesseract::TessBaseAPI> api;
  std::string error;  // why there is no engine
};

Engine MakeEngine() {
  LimitOpenMpThreads();
  SilenceLeptonica();
  Engine engine;
  try {
    engine.api = std::make_unique<tesseract::TessBaseAPI>();
    // nullptr: the tessdata folder Tesseract was built with (tesseract-ocr-eng on Debian).
    if (engine.api->Init(nullptr, "eng") != 0) {
      engine.api.reset();
      engine.error =
          "OCR is not available: Tesseract could not load its English model "
          "(install tesseract-ocr-eng or set TESSDATA_PREFIX)";
    }
  } catch (const std::exception& e) {
    engine.api.reset();
    engine.error = std::string("OCR is not available: ") + e.what();
  }
  return engine;
}

Engine& ThreadEngine() {
  thread_local Engine engine = MakeEngine();
  return engine;
}

}  // namespace

void SilenceLeptonica() {
  static std::once_flag once;
  std::call_once(once, [] {
    setLeptDebugOK(0);
    leptSetStderrHandler([](const char*) {});
  });
}

OcrResult RecognisePage(const GrayImage& image, int timeout_seconds) {
  OcrResult result;
  if (image.pixels == nullptr || image.width <= 0 || image.height <= 0 ||
      image.stride < image.width) {
    result.error = "OCR was given an empty image";
    return result;
  }
  Engine& engine = ThreadEngine();
  if (!engine.api) {
    result.error = engine.error;
    return result;
  }
  tesseract::TessBaseAPI& api = *engine.api;
  try {
    api.SetImage(image.pixels, image.width, image.height, 1, image.stride);
    api.SetSourceResolution(image.dpi > 0 ? image.dpi : 300);
    tesseract::ETEXT_DESC monitor;
    monitor.set_deadline_msecs(std::max(timeout_seconds, 1) * 1000);
    const int status = api.Recognize(&monitor);
    const std::unique_ptr<char[]> text(api.GetUTF8Text());
    if (monitor.deadline_exceeded()) {
      result.error = "OCR stopped after " + std::to_string(timeout_seconds) +
                     " seconds (" + LimitNote("ocr_seconds_per_page") +
                     "); the text may be incomplete";
    } else if (status != 0) {
      result.error = "OCR failed on this page";
    }
    if (text) {
      result.text = NormalizeLines(RejoinHyphenatedWords(ExpandLigatures(ToValidUtf8(text.get()))));
    }
    result.mean_confidence = std::max(0, api.MeanTextConf());
  } catch (const std::exception& e) {
    result.error = std::string("OCR failed: ") + e.what();
  }
  api.Clear();
  return result;
}

}  // namespace foicode::extract

#include "ui/display_text.h"

#include <array>
#include <charconv>

namespace nt::ui {
namespace {

constexpr std::array<std::string_view, 12> kMonths = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};

bool ParseNumber(std::string_view text, int& value) {
  if (text.empty()) return false;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  return error == std::errc() && end == text.data() + text.size();
}

void AppendPart(std::string& line, std::string_view part) {
  if (part.empty()) return;
  if (!line.empty()) line += " \u00b7 ";
  line += part;
}

}  // namespace

std::string KindLabel(DocumentKind kind) {
  switch (kind) {
    case DocumentKind::kStatement:
      return "Statement";
    case DocumentKind::kUnReport:
      return "UN report";
    case DocumentKind::kAgreement:
      return "Agreement";
    case DocumentKind::kResolution:
      return "Resolution";
    case DocumentKind::kOther:
      return "Other";
  }
  return "Other";
}

std::string HumanDate(std::string_view iso_date) {
  int year = 0;
  int month = 0;
  int day = 0;
  if (iso_date.size() >= 7 && iso_date[4] == '-' && ParseNumber(iso_date.substr(0, 4), year) &&
      ParseNumber(iso_date.substr(5, 2), month) && month >= 1 && month <= 12) {
    const std::string month_year =
        std::string(kMonths[static_cast<std::size_t>(month - 1)]) + " " + std::to_string(year);
    if (iso_date.size() == 7) return month_year;
    if (iso_date.size() == 10 && iso_date[7] == '-' && ParseNumber(iso_date.substr(8, 2), day)) {
      return std::to_string(day) + " " + month_year;
    }
  }
  return std::string(iso_date);
}

std::string RoundLine(const Dialogue* dialogue, const Round* round) {
  std::string line;
  std::string name = dialogue ? dialogue->name : std::string();
  if (round && round->number) {
    name += (name.empty() ? "Round " : ", round ") + std::to_string(*round->number);
  }
  AppendPart(line, name);
  if (round) {
    AppendPart(line, round->place);
    std::string dates = HumanDate(round->start_date);
    if (!round->end_date.empty() && round->end_date != round->start_date) {
      dates += (dates.empty() ? "" : " \u2013 ") + HumanDate(round->end_date);
    }
    AppendPart(line, dates);
  }
  return line;
}

}  // namespace nt::ui

// GDELT-2.0-like CSV rows for stored events, so that scripts written for GDELT's event table can
// read dragoman's (doc/store.md lists every column and how it maps).
//
// The first 61 columns are GDELT 2.0's event columns, in GDELT's order and with GDELT's names;
// columns dragoman has no value for are empty (Actor*KnownGroupCode, Ethnic/Religion codes,
// AvgTone, ADM codes, FeatureIDs, the actors' own geography). Deviations: country codes are ISO
// 3166-1 alpha-3 everywhere (GDELT uses FIPS 10-4 for geography), and a date known only to the
// month or year is written as its first day (the extra column `DragomanDate` keeps the real
// precision). dragoman's own columns follow.
//
// Thread-safety: stateless functions.
#ifndef DRAGOMAN_STORE_GDELT_H_
#define DRAGOMAN_STORE_GDELT_H_

#include <string>
#include <vector>

#include "store/query.h"

namespace dragoman {

const std::vector<std::string>& GdeltColumns();
// One row, in GdeltColumns() order (unquoted values; quote with CsvField).
std::vector<std::string> GdeltRow(const StoredEvent& r);

}  // namespace dragoman

#endif  // DRAGOMAN_STORE_GDELT_H_

# R side of the XPT benchmark: builds the same N x 20 dataset as write.mjs (SYNTHETIC), sets labels, widths and
# formats as attributes (as xportr does) and writes it with haven::write_xpt(version = 5).
# Usage: Rscript bench/xpt/xpt.R <out.xpt> [N=1000000]
suppressPackageStartupMessages(library(haven))
args <- commandArgs(trailingOnly = TRUE)
out <- args[1]
n <- if (length(args) > 1) as.numeric(args[2]) else 1e6
i <- seq_len(n)

terms <- c("NEUTROPENIA", "FATIGUE", "ANAEMIA", "PNEUMONIA", "THROMBOCYTOPENIA")
severities <- c("MILD", "MODERATE", "SEVERE")
num <- function(x, label, format = NULL) {
  attr(x, "label") <- label
  if (!is.null(format)) attr(x, "format.sas") <- format
  x
}
chr <- function(x, label, width) {
  attr(x, "label") <- label
  attr(x, "width") <- width
  x
}
data <- data.frame(
  ROWID = num(as.numeric(i), "Row number"),
  N2 = num(((i * 7919) %% 100003) / 8, "Eighths"),
  N3 = num(as.numeric((i %% 97) - 48), "Small integers"),
  ADT = num(as.numeric(18000 + (i %% 5000)), "Analysis date", "DATE9."),
  N5 = num((i %% 1000) / 4 + 0.5, "Quarters"),
  N6 = num(ifelse(i %% 10 == 0, NA_real_, i * 0.25), "Quarters with missing values"),
  N7 = num(-i / 16, "Negative sixteenths"),
  N8 = num((i %% 7) * 1e6, "Millions"),
  N9 = num(ifelse(i %% 3 == 0, NA_real_, (i %% 101) / 32), "Thirty-seconds with missing"),
  N10 = num(1e6 + i / 1024, "Large with fractions", "12.4"),
  USUBJID = chr(sprintf("SUBJ-%07d", i), "Unique Subject Identifier", 12L),
  FL = chr(ifelse(i %% 2 == 0, "Y", "N"), "Flag", 1L),
  TERM = chr(terms[i %% 5 + 1], "Reported term", 20L),
  SITEID = chr(paste0("SITE", i %% 32), "Site", 8L),
  DTC = chr(sprintf("2021-03-%02d", i %% 28 + 1), "Date (ISO 8601)", 10L),
  COMMENT = chr(ifelse(i %% 4 == 0, "", "COMMENT"), "Comment", 40L),
  CODE = chr(as.character(i %% 1000), "Code", 8L),
  SEV = chr(severities[i %% 3 + 1], "Severity", 8L),
  STUDYID = chr(rep("TK-BENCH-001", n), "Study Identifier", 12L),
  VISIT = chr(paste0("VISIT ", i %% 12), "Visit", 10L),
  stringsAsFactors = FALSE
)
write_xpt(data, out, version = 5, name = "BENCH", label = "XPT benchmark (SYNTHETIC)")

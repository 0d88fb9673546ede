# The R side of the km benchmark: read the CSV, Kaplan-Meier by arm (log-log limits, as trialkit's
# default), medians with CIs, and the log-rank test.
# Usage: Rscript bench/km/km.R data.csv [out.json]   (out.json: the numbers, for the agreement check)
suppressPackageStartupMessages(library(survival))
args <- commandArgs(trailingOnly = TRUE)
d <- read.csv(args[1])
fit <- survfit(Surv(time, status) ~ arm, data = d, conf.type = "log-log")
q <- quantile(fit, probs = 0.5)
test <- survdiff(Surv(time, status) ~ arm, data = d)
invisible(list(fit, q, test))
if (length(args) >= 2) {
  jsonlite::write_json(list(median = unname(q$quantile), lower = unname(q$lower), upper = unname(q$upper),
                            chisq = test$chisq, n = unname(fit$n)),
                       args[2], digits = NA, auto_unbox = TRUE)
}

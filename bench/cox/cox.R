# The R side of the Cox benchmark: read the CSV and fit coxph, as a user would.
#   Rscript bench/cox/cox.R data.csv [out.json]
args <- commandArgs(trailingOnly = TRUE)
suppressPackageStartupMessages(library(survival))
d <- read.csv(args[1])
fit <- coxph(Surv(time, status) ~ x1 + x2 + x3, data = d)
if (length(args) >= 2) {
  s <- summary(fit)
  jsonlite::write_json(list(coef = unname(coef(fit)), se = unname(sqrt(diag(fit$var))), loglik = fit$loglik,
                            lr = unname(s$logtest["test"]), wald = unname(fit$wald.test), score = unname(fit$score)),
                       args[2], digits = NA, auto_unbox = TRUE)
}

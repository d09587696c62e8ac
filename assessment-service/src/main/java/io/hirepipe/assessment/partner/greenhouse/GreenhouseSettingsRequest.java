package io.hirepipe.assessment.partner.greenhouse;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** @param reportTo who receives the reports (and candidates' questions) of tests sent through Greenhouse */
record GreenhouseSettingsRequest(@NotBlank @Email @Size(max = 254) String reportTo) {
}

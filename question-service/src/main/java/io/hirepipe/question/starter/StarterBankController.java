package io.hirepipe.question.starter;

import io.hirepipe.defaults.security.Caller;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Installs the starter bank (questions and three tests) into the caller's tenant; safe to call again. */
@RestController
@PreAuthorize("hasAnyRole('RECRUITER','PLATFORM')")
class StarterBankController {

    private final StarterBankInstaller installer;

    StarterBankController(StarterBankInstaller installer) {
        this.installer = installer;
    }

    @PostMapping("/api/questions/starter-bank")
    StarterBankInstaller.InstallReport install(Caller caller) {
        return installer.install(caller);
    }
}

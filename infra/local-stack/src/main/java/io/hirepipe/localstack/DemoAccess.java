package io.hirepipe.localstack;

/** What the local stack seeds so a person can start right away. */
public record DemoAccess(String tenantId, String recruiterEmail, String recruiterPassword, String apiKey,
                         String demoTestId) {

    static final String TENANT_ID = "demo";
    static final String TENANT_NAME = "Demo Company";
    static final String RECRUITER_EMAIL = "recruiter@demo.hirepipe.local";
    static final String RECRUITER_PASSWORD = "hirepipe-demo";
    static final String CANDIDATE_NAME = "Demo Candidate";
    static final String CANDIDATE_EMAIL = "candidate@demo.hirepipe.local";
}

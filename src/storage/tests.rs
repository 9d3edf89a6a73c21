use super::*;

#[test]
fn quota_errors_of_both_engines_are_recognised() {
    assert!(is_quota_error("QuotaExceededError"));
    assert!(is_quota_error("NS_ERROR_DOM_QUOTA_REACHED"));
    assert!(!is_quota_error("SecurityError"));
}

#[test]
fn messages_are_german() {
    assert!(
        StorageError::QuotaExceeded
            .message(Lang::De)
            .contains("Speicher des Browsers ist voll")
    );
    assert!(
        StorageError::Unavailable
            .message(Lang::De)
            .contains("keinen lokalen Speicher")
    );
}

"""Monitoring and evaluation with the public: helpfulness ratings, event feedback, open dashboard."""

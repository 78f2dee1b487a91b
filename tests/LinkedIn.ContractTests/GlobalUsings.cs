global using LinkedIn.Recruiter;

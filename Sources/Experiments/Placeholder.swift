// Placeholder: experiments land here.

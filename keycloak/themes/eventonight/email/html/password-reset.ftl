<#-- EventoNight (ADR 0033): the reset mail with a button, its text from messages_en.properties. -->
<#import "template.ftl" as layout>
<@layout.emailLayout>
<h1 style="margin:0 0 12px;color:#1b1930;font-size:22px;line-height:1.25">${msg("eventonightResetHeading")}</h1>
<p style="margin:0 0 14px">${msg("eventonightResetIntro")}</p>
<p style="margin:20px 0"><a href="${link}" style="display:inline-block;background:#4f2bd9;color:#ffffff;text-decoration:none;font-weight:600;padding:12px 22px;border-radius:10px">${msg("eventonightResetButton")}</a></p>
<p style="margin:0 0 14px">${msg("eventonightResetExpiry", linkExpirationFormatter(linkExpiration))}</p>
<p style="margin:0;color:#57546b">${msg("eventonightResetIgnore")}</p>
</@layout.emailLayout>

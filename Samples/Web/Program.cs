using Web;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.Services.AddAntiforgery();
builder.Services.AddHttpClient<ApiClient>(client => client.BaseAddress = new Uri("http://api"));

var app = builder.Build();
app.UseAntiforgery();
app.MapDefaultEndpoints();
app.MapPages();
app.Run();
